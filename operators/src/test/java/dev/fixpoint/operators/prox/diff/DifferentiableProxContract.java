package dev.fixpoint.operators.prox.diff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Var;
import dev.fixpoint.autodiff.testing.GradientCheck;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The contract every differentiable proximal map passes (published in the operators test-jar): at
 * sample points away from its kinks, the reverse-mode gradient and forward-mode JVP with respect to
 * the input and every parameter agree with finite differences to relative error ≤ 1e-6, the
 * forward/reverse dot-product test holds, the Taylor remainder converges at rate 2 (or is at
 * rounding level for piecewise-linear maps), and the forward value equals the non-differentiable
 * {@link ProximalFunction#prox} of the same function.
 *
 * <p>Subclasses give the map as a function of {@code (v, parameters…)}, points that stay at least
 * a margin away from every kink (see {@code ProxChecks.MARGIN}), and the reference prox.
 */
public abstract class DifferentiableProxContract {

    /** @return a name for reports */
    protected abstract String name();

    /** @return the differentiable map; {@code inputs[0]} is {@code v}, the rest its parameters */
    protected abstract Function<Var[], Var> map();

    /** @return inputs {@code (v, parameters…)} at least a margin away from every kink */
    protected abstract Tensor[] samplePoint(SplittableRandom rng);

    /**
     * @return the non-differentiable reference: the proximal function and step {@code τ} such that
     *         {@code map(inputs) = reference.prox(inputs[0], τ)}; the step is {@link #referenceStep}
     */
    protected abstract ProximalFunction reference(Tensor[] inputs);

    /** @return the step {@code τ} to use with {@link #reference} (default 1) */
    protected double referenceStep(Tensor[] inputs) {
        return 1.0;
    }

    @Test
    void derivativesMatchFiniteDifferencesAwayFromKinks() {
        SplittableRandom rng = new SplittableRandom(20261122);
        for (int k = 0; k < 3; k++) {
            Tensor[] at = samplePoint(rng);
            GradientCheck.check(name() + " #" + k, map(), at)
                    .assertPasses(GradientCheck.DEFAULT_TOLERANCE, GradientCheck.DEFAULT_MIN_RATE);
        }
    }

    @Test
    void forwardEqualsTheLibraryProx() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int k = 0; k < 3; k++) {
            Tensor[] at = samplePoint(rng);
            Var[] vars = new Var[at.length];
            for (int i = 0; i < at.length; i++) {
                vars[i] = Var.constant(at[i]);
            }
            Tensor got = map().apply(vars).value();
            Tensor want = reference(at).prox(at[0], referenceStep(at));
            assertTrue(got.allClose(want, 1e-12, 1e-12), name() + ": differentiable prox " + got
                    + " differs from the library prox " + want);
        }
    }
}
