package dev.fixpoint.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Autodiff;
import dev.fixpoint.autodiff.ForwardMode;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link LinearOperator} passes (published in the operators test-jar): the dot
 * test {@code |⟨Ax, y⟩ − ⟨x, Aᵀy⟩| ≤ 1e-12·‖A‖‖x‖‖y‖} on random inputs, linearity, agreement of the
 * allocating and output-argument forms, shape errors naming both shapes, the adjoint view, and
 * the autodiff integration (VJP = adjoint, JVP = apply).
 *
 * <p>Subclasses give the operator; override {@link #randomInput} for operators whose domain is
 * restricted (none so far) and {@link #dotTolerance} only with a documented reason.
 */
public abstract class LinearOperatorContract {

    /** @return the operator under test (fresh or shared) */
    protected abstract LinearOperator operator();

    /** @return the relative tolerance of the dot test (default 1e-12) */
    protected double dotTolerance() {
        return 1e-12;
    }

    /** @return a random tensor of {@code shape} (standard normal, seeded) */
    protected Tensor randomInput(SplittableRandom rng, int[] shape) {
        return Tensor.randn(rng, shape);
    }

    private double norm(LinearOperator a) {
        return a.normEstimate(1e-6, 10_000);
    }

    @Test
    void dotTestHoldsOnRandomInputs() {
        LinearOperator a = operator();
        double na = Math.max(norm(a), 1e-300);
        SplittableRandom rng = new SplittableRandom(20261122);
        for (int trial = 0; trial < 5; trial++) {
            Tensor x = randomInput(rng, a.domainShape());
            Tensor y = randomInput(rng, a.rangeShape());
            double lhs = a.apply(x).dot(y);
            double rhs = x.dot(a.adjoint(y));
            double bound = dotTolerance() * na * x.norm() * y.norm();
            assertTrue(Math.abs(lhs - rhs) <= bound, a.name() + ": ⟨Ax, y⟩ = " + lhs + " but ⟨x, Aᵀy⟩ = " + rhs
                    + " (difference " + Math.abs(lhs - rhs) + " > " + bound + ")");
        }
    }

    @Test
    void applyAndAdjointAreLinear() {
        LinearOperator a = operator();
        SplittableRandom rng = new SplittableRandom(7);
        Tensor x = randomInput(rng, a.domainShape());
        Tensor z = randomInput(rng, a.domainShape());
        Tensor combined = a.apply(x.mul(2.5).add(z.mul(-0.75)));
        Tensor separate = a.apply(x).mul(2.5).add(a.apply(z).mul(-0.75));
        double scale = a.apply(x).norm() + a.apply(z).norm() + 1e-300;
        assertTrue(combined.sub(separate).norm() <= 1e-12 * scale, a.name() + " is not linear");
        Tensor y = randomInput(rng, a.rangeShape());
        Tensor w = randomInput(rng, a.rangeShape());
        Tensor adj = a.adjoint(y.add(w));
        Tensor sum = a.adjoint(y).add(a.adjoint(w));
        assertTrue(adj.sub(sum).norm() <= 1e-12 * (sum.norm() + 1e-300), a.name() + "ᵀ is not linear");
    }

    @Test
    void outputArgumentFormsMatchAndOverwriteTheirOutput() {
        LinearOperator a = operator();
        SplittableRandom rng = new SplittableRandom(11);
        Tensor x = randomInput(rng, a.domainShape());
        Tensor y = randomInput(rng, a.rangeShape());
        Tensor out = Tensor.full(Double.NaN, a.rangeShape());
        assertTrue(a.applyInto(x, out) == out);
        assertTrue(out.allClose(a.apply(x), 0, 0) || out.sub(a.apply(x)).normInf() == 0, a.name() + ": applyInto differs");
        Tensor back = Tensor.full(Double.NaN, a.domainShape());
        a.adjointInto(y, back);
        assertTrue(back.isFinite() && back.sub(a.adjoint(y)).normInf() == 0, a.name() + ": adjointInto differs");
        Tensor x0 = x.copy();
        a.apply(x);
        assertEquals(x0, x, a.name() + " modified its input");
    }

    @Test
    void wrongShapesAreRejectedNamingBothShapes() {
        LinearOperator a = operator();
        int[] bad = a.domainShape().clone();
        bad[bad.length - 1] += 1;
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> a.apply(Tensor.zeros(bad)));
        assertTrue(e.getMessage().contains(java.util.Arrays.toString(bad))
                && e.getMessage().contains(java.util.Arrays.toString(a.domainShape())), e.getMessage());
        int[] badRange = a.rangeShape().clone();
        badRange[0] += 1;
        assertThrows(ShapeMismatchException.class, () -> a.adjoint(Tensor.zeros(badRange)));
    }

    @Test
    void transposedViewSwapsApplyAndAdjoint() {
        LinearOperator a = operator();
        LinearOperator at = a.transposed();
        assertArrayEquals(a.rangeShape(), at.domainShape());
        assertArrayEquals(a.domainShape(), at.rangeShape());
        SplittableRandom rng = new SplittableRandom(13);
        Tensor y = randomInput(rng, a.rangeShape());
        assertTrue(at.apply(y).sub(a.adjoint(y)).normInf() == 0, a.name() + ": transposed().apply ≠ adjoint");
    }

    @Test
    void autodiffVjpIsTheAdjointAndJvpIsTheOperator() {
        LinearOperator a = operator();
        SplittableRandom rng = new SplittableRandom(17);
        Tensor x = randomInput(rng, a.domainShape());
        Tensor g = randomInput(rng, a.rangeShape());
        Autodiff.OutputAndVjp r = Autodiff.vjp(a::apply, x, g);
        assertTrue(r.output().sub(a.apply(x)).normInf() == 0);
        Tensor expected = a.adjoint(g);
        assertTrue(r.vjp().sub(expected).norm() <= 1e-14 * (expected.norm() + 1e-300), a.name() + ": VJP ≠ Aᵀg");
        Tensor v = randomInput(rng, a.domainShape());
        Tensor jv = ForwardMode.jvp(a::apply, x, v).tangent();
        Tensor av = a.apply(v);
        assertTrue(jv.sub(av).norm() <= 1e-14 * (av.norm() + 1e-300), a.name() + ": JVP ≠ A v");
    }
}
