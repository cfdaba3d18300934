package dev.fixpoint.operators.prox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contract every {@link ProximalFunction} passes (published in the operators test-jar):
 * <ol>
 *   <li>the Moreau identity {@code v = prox_{τf}(v) + τ·prox_{f* / τ}(v/τ)} to {@code 1e-10·(‖v‖ + 1)}
 *       for several τ and random v, through {@link ProximalFunction#conjugate()};</li>
 *   <li>optimality: the prox objective {@code f(x) + ‖x − v‖²/(2τ)} at the returned point is no
 *       worse, up to a relative slack of {@code 1e-12}, than at 1,000 random perturbations of it
 *       (tiny to large; points outside the domain count as {@code +∞}); for indicators also at the
 *       projections of perturbed points, which are feasible;</li>
 *   <li>for indicators, the prox is feasible (value 0) and idempotent;</li>
 *   <li>a bad step τ (0, −1, NaN, ∞) throws {@code [fixpoint/BadParameter]} naming the value;</li>
 *   <li>{@code prox} does not modify its input, and {@code proxInto} overwrites every element of its
 *       output and agrees with {@code prox};</li>
 *   <li>when {@link ProximalFunction#conjugateValue} has a closed form, the Fenchel–Young equality
 *       {@code f(p) + f*(q) = ⟨p, q⟩} holds for {@code p = prox_{τf}(v)}, {@code q = (v − p)/τ}.</li>
 * </ol>
 * Subclasses give the function and a generator of test points of the right shape.
 */
public abstract class ProximalFunctionContract {
    private static final Logger LOG = LoggerFactory.getLogger(ProximalFunctionContract.class);
    private static final int PERTURBATIONS = 1_000;

    /** @return the function under test */
    protected abstract ProximalFunction function();

    /** @return a random test point of the shape the function accepts (advances {@code rng}) */
    protected abstract Tensor randomPoint(SplittableRandom rng);

    /** @return the steps τ to test (default 0.1, 0.7, 1, 4) */
    protected double[] steps() {
        return new double[]{0.1, 0.7, 1.0, 4.0};
    }

    /** @return the relative tolerance of the Moreau identity (default 1e-10) */
    protected double moreauTolerance() {
        return 1e-10;
    }

    private double objective(ProximalFunction f, Tensor x, Tensor v, double tau) {
        double fx = f.value(x);
        if (fx == Double.POSITIVE_INFINITY) {
            return fx;
        }
        double[] xd = x.data();
        double[] vd = v.data();
        double s = 0;
        for (int i = 0; i < x.size(); i++) {
            double d = xd[x.offset() + i] - vd[v.offset() + i];
            s += d * d;
        }
        return fx + s / (2 * tau);
    }

    @Test
    void moreauIdentityHolds() {
        ProximalFunction f = function();
        ProximalFunction conj = f.conjugate();
        SplittableRandom rng = new SplittableRandom(20260101);
        double worst = 0;
        for (double tau : steps()) {
            for (int trial = 0; trial < 3; trial++) {
                Tensor v = randomPoint(rng);
                Tensor p = f.prox(v, tau);
                Tensor q = conj.prox(v.mul(1 / tau), 1 / tau);
                Tensor recon = p.add(q.mul(tau));
                double err = recon.sub(v).norm() / (v.norm() + 1);
                worst = Math.max(worst, err);
                if (!(err <= moreauTolerance())) {
                    fail(f.name() + ": Moreau identity off by " + err + " (relative) at τ = " + tau + "; v = " + v);
                }
            }
        }
        LOG.debug("{}: Moreau identity max relative error {}", f.name(), worst);
    }

    @Test
    void proxMinimisesTheProxObjective() {
        ProximalFunction f = function();
        SplittableRandom rng = new SplittableRandom(42);
        double[] scales = {1e-7, 1e-4, 1e-2, 1.0};
        double[] taus = steps();
        int cases = 4;
        int finite = 0;
        double worstMargin = Double.POSITIVE_INFINITY;
        for (int c = 0; c < cases; c++) {
            double tau = taus[c % taus.length];
            Tensor v = randomPoint(rng);
            Tensor x = f.prox(v, tau);
            double best = objective(f, x, v, tau);
            assertTrue(Double.isFinite(best), f.name() + ": prox objective at the returned point is " + best
                    + " (the prox left the domain); τ = " + tau);
            double slack = 1e-12 * (1 + Math.abs(best));
            double unit = x.norm() / Math.sqrt(Math.max(1, x.size())) + 1;
            for (int k = 0; k < PERTURBATIONS / cases; k++) {
                double scale = scales[k % scales.length] * unit;
                Tensor y = x.add(Tensor.randn(rng, x.shape()).mul(scale));
                double obj = objective(f, y, v, tau);
                if (obj < Double.POSITIVE_INFINITY) {
                    finite++;
                    worstMargin = Math.min(worstMargin, (obj - best) / (1 + Math.abs(best)));
                }
                if (!(obj >= best - slack)) {
                    fail(f.name() + ": perturbation of size " + scale + " lowers the prox objective from " + best
                            + " to " + obj + " at τ = " + tau);
                }
                if (f.isIndicator()) {
                    Tensor py = f.prox(y, tau);
                    double pobj = objective(f, py, v, tau);
                    if (!(pobj >= best - slack)) {
                        fail(f.name() + ": the feasible point P(x + δ), |δ| ~ " + scale + ", is closer to v ("
                                + pobj + " < " + best + ") at τ = " + tau);
                    }
                    worstMargin = Math.min(worstMargin, (pobj - best) / (1 + Math.abs(best)));
                }
            }
        }
        LOG.debug("{}: optimality check, {} finite perturbed objectives, smallest relative increase {}",
                f.name(), finite, worstMargin);
    }

    @Test
    void indicatorProjectionIsFeasibleAndIdempotent() {
        ProximalFunction f = function();
        if (!f.isIndicator()) {
            return;
        }
        SplittableRandom rng = new SplittableRandom(7);
        for (double tau : steps()) {
            Tensor v = randomPoint(rng);
            Tensor p = f.prox(v, tau);
            assertEquals(0.0, f.value(p), f.name() + ": projection of v is infeasible");
            Tensor pp = f.prox(p, tau * 3);
            double err = pp.sub(p).norm();
            assertTrue(err <= 1e-12 * (p.norm() + 1), f.name() + ": projection is not idempotent (moved by "
                    + err + ")");
        }
    }

    @Test
    void badStepsAreRejectedNamingTheValue() {
        ProximalFunction f = function();
        Tensor v = randomPoint(new SplittableRandom(3));
        for (double tau : new double[]{0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            FixpointException e = assertThrows(FixpointException.class, () -> f.prox(v, tau));
            assertEquals("BadParameter", e.id());
            assertTrue(e.getMessage().contains(String.valueOf(tau)), e.getMessage());
        }
    }

    @Test
    void proxLeavesItsInputAloneAndFillsItsOutput() {
        ProximalFunction f = function();
        SplittableRandom rng = new SplittableRandom(5);
        Tensor v = randomPoint(rng);
        double[] before = v.toArray();
        Tensor p = f.prox(v, 0.9);
        assertArrayEquals(before, v.toArray(), f.name() + ".prox modified its input");
        Tensor out = Tensor.full(Double.NaN, v.shape());
        f.proxInto(v, 0.9, out);
        assertArrayEquals(p.toArray(), out.toArray(), 0.0, f.name() + ".proxInto differs from prox");
        assertArrayEquals(before, v.toArray(), f.name() + ".proxInto modified its input");
    }

    @Test
    void fenchelYoungEqualityHoldsWhereTheConjugateHasAClosedForm() {
        ProximalFunction f = function();
        SplittableRandom rng = new SplittableRandom(99);
        for (double tau : steps()) {
            Tensor v = randomPoint(rng);
            Tensor p = f.prox(v, tau);
            Tensor q = v.sub(p).mul(1 / tau);
            double fstar;
            try {
                fstar = f.conjugateValue(q);
            } catch (FixpointException e) {
                if ("NoConjugateValue".equals(e.id())) {
                    return;
                }
                throw e;
            }
            double fp = f.value(p);
            double pq = p.dot(q);
            double gap = fp + fstar - pq;
            double scale = 1 + Math.abs(fp) + Math.abs(fstar) + Math.abs(pq);
            assertTrue(Math.abs(gap) <= 1e-9 * scale, f.name() + ": Fenchel–Young gap f(p) + f*(q) − ⟨p, q⟩ = "
                    + gap + " (f(p) = " + fp + ", f*(q) = " + fstar + ", ⟨p, q⟩ = " + pq + ") at τ = " + tau
                    + ", shape " + Arrays.toString(v.shape()));
        }
    }
}
