package dev.fixpoint.operators.prox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.prox.TotalVariation2d.Norm;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 2-D TV prox (FGP on the dual): convergence to the tolerance, an independently recomputed
 * primal–dual certificate, agreement with the exact 1-D prox on 1×n and n×1 images, the Moreau
 * identity, optimality against random perturbations (bounded by the certified gap), warm start,
 * non-convergence reporting and bad input.
 */
class TotalVariation2dTest {
    private static final Logger LOG = LoggerFactory.getLogger(TotalVariation2dTest.class);

    /** Blocks of random height plus Gaussian noise; shape [h, w]. */
    static Tensor blockImage(long seed, int h, int w, double noise) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] img = new double[h * w];
        for (int r = 0; r < 8; r++) {
            int i0 = rng.nextInt(h);
            int j0 = rng.nextInt(w);
            int i1 = Math.min(h, i0 + 1 + rng.nextInt(Math.max(1, h / 2)));
            int j1 = Math.min(w, j0 + 1 + rng.nextInt(Math.max(1, w / 2)));
            double val = rng.nextDouble(-1, 1);
            for (int i = i0; i < i1; i++) {
                for (int j = j0; j < j1; j++) {
                    img[i * w + j] += val;
                }
            }
        }
        for (int k = 0; k < img.length; k++) {
            img[k] += noise * rng.nextGaussian();
        }
        return Tensor.wrap(img, h, w);
    }

    /** Independent forward differences with Neumann boundary: returns [D₀x, D₁x] as arrays. */
    private static double[][] grad(Tensor x) {
        int h = x.dim(0);
        int w = x.dim(1);
        double[][] g = new double[2][h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                g[0][i * w + j] = i + 1 < h ? x.get(i + 1, j) - x.get(i, j) : 0;
                g[1][i * w + j] = j + 1 < w ? x.get(i, j + 1) - x.get(i, j) : 0;
            }
        }
        return g;
    }

    /** Independent adjoint: ⟨Dx, p⟩ = ⟨x, Dᵀp⟩, computed by scattering each difference. */
    private static double[] gradAdjoint(Tensor p, int h, int w) {
        double[] out = new double[h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                if (i + 1 < h) {
                    double q = p.get(0, i, j);
                    out[(i + 1) * w + j] += q;
                    out[i * w + j] -= q;
                }
                if (j + 1 < w) {
                    double q = p.get(1, i, j);
                    out[i * w + j + 1] += q;
                    out[i * w + j] -= q;
                }
            }
        }
        return out;
    }

    /**
     * Checks the primal–dual certificate from scratch: {@code x + μDᵀp = v}, {@code p} feasible, and
     * returns the recomputed duality gap {@code μ Σ(‖Dx‖ − ⟨p, Dx⟩)}.
     */
    private static double certifiedGap(Tensor v, TotalVariation2d.Result r, double mu, Norm norm) {
        int h = v.dim(0);
        int w = v.dim(1);
        Tensor x = r.solution();
        Tensor p = r.dual();
        double[] dtp = gradAdjoint(p, h, w);
        for (int k = 0; k < h * w; k++) {
            double lhs = x.data()[x.offset() + k] + mu * dtp[k];
            assertEquals(v.data()[v.offset() + k], lhs, 1e-12 * (1 + v.normInf()), "x + μDᵀp = v at " + k);
        }
        double[][] g = grad(x);
        double slack = 0;
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                int k = i * w + j;
                double a = p.get(0, i, j);
                double b = p.get(1, i, j);
                double gn;
                if (norm == Norm.ISOTROPIC) {
                    assertTrue(Math.hypot(a, b) <= 1 + 1e-12, "dual infeasible at " + i + "," + j);
                    gn = Math.hypot(g[0][k], g[1][k]);
                } else {
                    assertTrue(Math.abs(a) <= 1 + 1e-12 && Math.abs(b) <= 1 + 1e-12, "dual infeasible");
                    gn = Math.abs(g[0][k]) + Math.abs(g[1][k]);
                }
                slack += gn - (a * g[0][k] + b * g[1][k]);
            }
        }
        return mu * slack;
    }

    @ParameterizedTest
    @EnumSource(Norm.class)
    void convergesAndSatisfiesOptimalityConditions(Norm norm) {
        Tensor v = blockImage(1L, 48, 40, 0.1);
        double lambda = 0.15;
        double tau = 1.3;
        for (double tol : new double[]{1e-4, 1e-6, 1e-8}) {
            TotalVariation2d f = new TotalVariation2d(lambda, norm, tol, 100_000);
            TotalVariation2d.Result r = f.solve(v, tau, null);
            assertTrue(r.converged(), r.toString());
            assertTrue(r.relativeGap() <= tol, r.toString());
            double gap = certifiedGap(v, r, tau * lambda, norm);
            assertEquals(r.gap(), gap, 1e-9 * (1 + r.objective()));
            double objective = 0.5 * r.solution().sub(v).dot(r.solution().sub(v)) + tau * f.value(r.solution());
            assertEquals(r.objective(), objective, 1e-10 * objective);
            assertTrue(gap <= tol * objective * (1 + 1e-9), "gap " + gap);
            LOG.info("{} tol {}: {} iterations, relative gap {}, ‖x − x*‖ ≤ {}", norm, tol, r.iterations(),
                    r.relativeGap(), Math.sqrt(2 * gap));
        }
    }

    @ParameterizedTest
    @EnumSource(Norm.class)
    void oneRowOrColumnEqualsExact1d(Norm norm) {
        double[] s = TotalVariation1dTest.piecewiseConstant(4L, 120, 10, 0.2);
        double lambda = 0.3;
        double tau = 0.9;
        Tensor exact = new TotalVariation1d(lambda).prox(Tensor.vector(s), tau);
        TotalVariation2d f = new TotalVariation2d(lambda, norm, 1e-13, 200_000);
        for (int[] shape : new int[][]{{1, 120}, {120, 1}}) {
            Tensor v = Tensor.of(s, shape);
            TotalVariation2d.Result r = f.solve(v, tau, null);
            assertTrue(r.converged(), r.toString());
            double bound = Math.sqrt(2 * r.gap()); // ‖x − x*‖ ≤ √(2·gap)
            double err = r.solution().flatten().sub(exact).norm();
            LOG.info("{} {}: ‖x − x_exact‖ = {}, certified bound {}", norm, shape, err, bound);
            assertTrue(err <= bound + 1e-12, "error " + err + " exceeds the certified bound " + bound);
            assertTrue(err < 1e-5, "error " + err);
            assertEquals(new TotalVariation1d(lambda).value(Tensor.vector(s)), f.value(v), 1e-12);
        }
    }

    @ParameterizedTest
    @EnumSource(Norm.class)
    void moreauIdentity(Norm norm) {
        // Both sides call the same deterministic solver on inputs that differ by rounding only
        // ((v/τ)·τ vs v), so the identity holds to ~1e-15 whenever both stop at the same iteration;
        // in general it holds to the solver accuracy √(2·tolerance·P(x)).
        SplittableRandom rng = new SplittableRandom(3L);
        TotalVariation2d f = new TotalVariation2d(0.2, norm, 1e-12, 200_000);
        double worst = 0;
        for (int trial = 0; trial < 4; trial++) {
            Tensor v = blockImage(10 + trial, 12 + trial, 15, 0.2);
            double tau = rng.nextDouble(0.3, 3);
            Tensor p = f.prox(v, tau);
            Tensor q = f.conjugate().prox(v.mul(1 / tau), 1 / tau);
            double err = p.add(q.mul(tau)).sub(v).normInf();
            worst = Math.max(worst, err);
            assertTrue(err < 1e-10, "Moreau error " + err);
        }
        LOG.info("2-D TV {} Moreau identity: max error {}", norm, worst);
    }

    @ParameterizedTest
    @EnumSource(Norm.class)
    void optimalAgainstRandomPerturbations(Norm norm) {
        Tensor v = blockImage(6L, 16, 14, 0.15);
        double tau = 0.7;
        TotalVariation2d f = new TotalVariation2d(0.25, norm, 1e-12, 200_000);
        TotalVariation2d.Result r = f.solve(v, tau, null);
        Tensor x = r.solution();
        double phi = objective(f, x, v, tau);
        // Φ = P/τ and P(x) − P* ≤ gap, so no point can beat Φ(x) by more than gap/τ
        double allowed = r.gap() / tau + 1e-13 * (1 + phi);
        SplittableRandom rng = new SplittableRandom(8L);
        int n = v.size();
        for (int trial = 0; trial < 1000; trial++) {
            double scale = Math.pow(10, -rng.nextInt(1, 8));
            double[] d = new double[n];
            if (trial % 2 == 0) {
                for (int k = 0; k < n; k++) {
                    d[k] = scale * rng.nextGaussian();
                }
            } else {
                d[rng.nextInt(n)] = scale * (rng.nextBoolean() ? 1 : -1);
            }
            double perturbed = objective(f, x.add(Tensor.of(d, v.shape())), v, tau);
            assertTrue(perturbed >= phi - allowed, "perturbation " + trial + " improves the objective by "
                    + (phi - perturbed) + " > certified " + allowed);
        }
    }

    private static double objective(TotalVariation2d f, Tensor x, Tensor v, double tau) {
        Tensor d = x.sub(v);
        return f.value(x) + d.dot(d) / (2 * tau);
    }

    @Test
    void warmStartFromTheDualConvergesAtOnce() {
        Tensor v = blockImage(2L, 32, 32, 0.1);
        TotalVariation2d f = TotalVariation2d.isotropic(0.1);
        TotalVariation2d.Result cold = f.solve(v, 1, null);
        TotalVariation2d.Result warm = f.solve(v, 1, cold.dual());
        assertTrue(cold.iterations() > 10, cold.toString());
        assertEquals(0, warm.iterations(), warm.toString());
        // nearby data: a warm start helps
        Tensor v2 = v.add(blockImage(3L, 32, 32, 0.01).mul(0.01));
        assertTrue(f.solve(v2, 1, cold.dual()).iterations() < f.solve(v2, 1, null).iterations());
    }

    @Test
    void valueOfSmallImages() {
        Tensor x = Tensor.matrix(new double[][]{{0, 3}, {4, 4}});
        // pixel (0,0): D₀ = 4, D₁ = 3; (0,1): D₀ = 1; (1,0): D₁ = 0
        assertEquals(2 * (5 + 1), TotalVariation2d.isotropic(2).value(x), 1e-15);
        assertEquals(2 * (7 + 1), TotalVariation2d.anisotropic(2).value(x), 1e-15);
        assertEquals(0, TotalVariation2d.isotropic(1).value(Tensor.zeros(0, 5)), 0);
    }

    @Test
    void degenerateInputs() {
        TotalVariation2d f = TotalVariation2d.isotropic(0.5);
        assertEquals(0, f.prox(Tensor.zeros(0, 3), 1).size());
        Tensor one = Tensor.matrix(new double[][]{{2.5}});
        assertEquals(2.5, f.prox(one, 1).get(0, 0), 0);
        Tensor v = blockImage(5L, 6, 7, 0.3);
        assertEquals(0, v.sub(TotalVariation2d.isotropic(0).prox(v, 1)).normInf(), 0);
        Tensor flat = Tensor.full(1.5, 5, 4);
        TotalVariation2d.Result r = f.solve(flat, 1, null);
        assertEquals(0, r.iterations());
        assertEquals(0, r.solution().sub(flat).normInf(), 0);
    }

    @Test
    void reportsNonConvergence() {
        Tensor v = blockImage(9L, 64, 64, 0.2);
        TotalVariation2d f = new TotalVariation2d(0.2, Norm.ISOTROPIC, 1e-12, 15);
        TotalVariation2d.Result r = f.solve(v, 1, null);
        assertFalse(r.converged());
        assertEquals(15, r.iterations());
        assertTrue(r.relativeGap() > 1e-12);
        FixpointException e = assertThrows(FixpointException.class, () -> f.prox(v, 1));
        assertEquals("NoConvergence", e.id());
        assertTrue(e.getMessage().contains("relative duality gap") && e.getMessage().contains("15 iterations"),
                e.getMessage());
    }

    @Test
    void badInput() {
        assertEquals("BadParameter", assertThrows(FixpointException.class, () -> TotalVariation2d.isotropic(-0.1)).id());
        assertThrows(FixpointException.class, () -> TotalVariation2d.anisotropic(Double.NaN));
        assertThrows(FixpointException.class, () -> new TotalVariation2d(1, Norm.ISOTROPIC, 0, 10));
        assertThrows(FixpointException.class, () -> new TotalVariation2d(1, Norm.ISOTROPIC, 1e-6, 0));
        assertThrows(FixpointException.class, () -> new TotalVariation2d(1, null, 1e-6, 10));
        TotalVariation2d f = TotalVariation2d.isotropic(1);
        ShapeMismatchException rank = assertThrows(ShapeMismatchException.class, () -> f.prox(Tensor.zeros(5), 1));
        assertTrue(rank.getMessage().contains("[5]"), rank.getMessage());
        assertThrows(ShapeMismatchException.class, () -> f.value(Tensor.zeros(2, 2, 2)));
        assertEquals("NonFinite", assertThrows(FixpointException.class,
                () -> f.prox(Tensor.matrix(new double[][]{{1, Double.NaN}}), 1)).id());
        assertEquals("BadParameter", assertThrows(FixpointException.class, () -> f.solve(Tensor.zeros(2, 2), 0, null)).id());
        assertThrows(ShapeMismatchException.class, () -> f.solve(Tensor.zeros(2, 2), 1, Tensor.zeros(2, 2)));
        assertEquals("NonFinite", assertThrows(FixpointException.class,
                () -> f.solve(Tensor.zeros(1, 2), 1, Tensor.of(new double[]{0, Double.NaN, 0, 0}, 2, 1, 2))).id());
    }
}
