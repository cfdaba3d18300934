package dev.fixpoint.operators.prox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact 1-D TV prox (Condat) against an independent brute-force solution of the dual QP, the
 * Moreau identity, optimality against random perturbations, a dual certificate on long signals, and
 * bad input.
 */
class TotalVariation1dTest {
    private static final Logger LOG = LoggerFactory.getLogger(TotalVariation1dTest.class);

    // ------------------------------------------------------------------ brute-force reference

    /**
     * Solves {@code min_x ½‖x − v‖² + t‖Dx‖₁} through its dual {@code min ½‖v − Dᵀz‖², |z_i| ≤ t} by
     * enumerating every active set ({@code z_i = −t}, {@code +t} or free; {@code 3^(n−1)} patterns),
     * solving the stationarity equations {@code (D(v − Dᵀz))_F = 0} on the free set by Gaussian
     * elimination with partial pivoting, and keeping the pattern that satisfies the KKT conditions.
     * Independent of Condat's algorithm; accurate to ~1e-15 for n ≤ 8.
     */
    static double[] bruteForce(double[] v, double t) {
        int n = v.length;
        if (n <= 1 || t == 0) {
            return v.clone();
        }
        int m = n - 1;
        double scale = 1 + t;
        for (double a : v) {
            scale = Math.max(scale, Math.abs(a));
        }
        double kktTol = 1e-12 * scale;
        int patterns = 1;
        for (int i = 0; i < m; i++) {
            patterns *= 3;
        }
        double[] z = new double[m];
        for (int p = 0; p < patterns; p++) {
            int[] state = new int[m]; // 0 free, 1 = +t, 2 = −t
            int code = p;
            int free = 0;
            for (int i = 0; i < m; i++) {
                state[i] = code % 3;
                code /= 3;
                if (state[i] == 0) {
                    free++;
                }
            }
            // bound values
            for (int i = 0; i < m; i++) {
                z[i] = state[i] == 1 ? t : state[i] == 2 ? -t : 0;
            }
            if (free > 0) {
                int[] idx = new int[free];
                for (int i = 0, f = 0; i < m; i++) {
                    if (state[i] == 0) {
                        idx[f++] = i;
                    }
                }
                // (DDᵀ)_{FF} z_F = (Dv)_F − (DDᵀ)_{F,B} z_B; DDᵀ is tridiagonal (2 on, −1 off the diagonal)
                double[][] a = new double[free][free + 1];
                for (int r = 0; r < free; r++) {
                    int i = idx[r];
                    for (int c = 0; c < free; c++) {
                        a[r][c] = dDt(i, idx[c]);
                    }
                    double rhs = v[i + 1] - v[i];
                    for (int j = 0; j < m; j++) {
                        if (state[j] != 0) {
                            rhs -= dDt(i, j) * z[j];
                        }
                    }
                    a[r][free] = rhs;
                }
                double[] zf = solve(a);
                boolean feasible = true;
                for (int r = 0; r < free; r++) {
                    if (Math.abs(zf[r]) > t + kktTol) {
                        feasible = false;
                    }
                    z[idx[r]] = zf[r];
                }
                if (!feasible) {
                    continue;
                }
            }
            double[] x = primal(v, z);
            boolean kkt = true;
            for (int i = 0; i < m && kkt; i++) {
                double dx = x[i + 1] - x[i];
                if (state[i] == 1 && dx < -kktTol || state[i] == 2 && dx > kktTol
                        || state[i] == 0 && Math.abs(dx) > kktTol) {
                    kkt = false;
                }
            }
            if (kkt) {
                return x;
            }
        }
        throw new AssertionError("no active set satisfies the KKT conditions");
    }

    private static double dDt(int i, int j) {
        return i == j ? 2 : Math.abs(i - j) == 1 ? -1 : 0;
    }

    /** x = v − Dᵀz with (Dᵀz)_j = z_{j−1} − z_j. */
    private static double[] primal(double[] v, double[] z) {
        int n = v.length;
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            double dtz = (j > 0 ? z[j - 1] : 0) - (j < n - 1 ? z[j] : 0);
            x[j] = v[j] - dtz;
        }
        return x;
    }

    private static double[] solve(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[piv];
            a[piv] = tmp;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c <= n; c++) {
                    a[r][c] -= f * a[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    // ------------------------------------------------------------------ signals

    /** Random short signals of several kinds: Gaussian, integer-valued (ties), steps with noise. */
    private static double[] randomSignal(SplittableRandom rng, int n) {
        double[] v = new double[n];
        int kind = rng.nextInt(3);
        double level = rng.nextDouble(-2, 2);
        for (int i = 0; i < n; i++) {
            if (kind == 0) {
                v[i] = rng.nextGaussian() * 2;
            } else if (kind == 1) {
                v[i] = rng.nextInt(-3, 4);
            } else {
                if (rng.nextInt(3) == 0) {
                    level = rng.nextDouble(-2, 2);
                }
                v[i] = level + 0.1 * rng.nextGaussian();
            }
        }
        return v;
    }

    /** Noisy piecewise-constant signal with segments of mean length {@code meanLength}. */
    static double[] piecewiseConstant(long seed, int n, int meanLength, double noise) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        double level = 0;
        int remaining = 0;
        for (int i = 0; i < n; i++) {
            if (remaining == 0) {
                level = rng.nextDouble(-1, 1);
                remaining = 1 + rng.nextInt(2 * meanLength);
            }
            remaining--;
            v[i] = level + noise * rng.nextGaussian();
        }
        return v;
    }

    // ------------------------------------------------------------------ tests

    @Test
    void equalsBruteForceQpOnShortSignals() {
        SplittableRandom rng = new SplittableRandom(20240601L);
        double worst = 0;
        for (int trial = 0; trial < 600; trial++) {
            int n = rng.nextInt(0, 9);
            double[] v = randomSignal(rng, n);
            double lambda = rng.nextInt(5) == 0 ? rng.nextDouble(0, 10) : rng.nextDouble(0, 1.5);
            double tau = rng.nextDouble(0.2, 2);
            double[] expected = bruteForce(v, tau * lambda);
            Tensor x = new TotalVariation1d(lambda).prox(Tensor.vector(v), tau);
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(x.get(i) - expected[i]));
            }
            assertArrayEquals(expected, x.toArray(), 1e-9, () -> "n=" + n + " λτ=" + lambda * tau);
        }
        LOG.info("1-D TV vs brute-force dual QP (600 signals, n ≤ 8): max |Δ| = {}", worst);
        assertTrue(worst < 1e-12, "max deviation " + worst);
    }

    @Test
    void bruteForceReferenceIsItselfOptimal() {
        // the reference satisfies its own certificate: x = v − Dᵀz with |z| ≤ t, z = t·sign(Dx) on jumps
        double[] v = {0.3, -1.2, 2.5, 2.4, 0.0, 0.1, 3.0, -0.5};
        double t = 0.7;
        double[] x = bruteForce(v, t);
        assertCertificate(v, x, t, 1e-12);
    }

    @Test
    void edgeCases() {
        TotalVariation1d tv = new TotalVariation1d(0.5);
        assertEquals(0, tv.prox(Tensor.zeros(0), 1).size());
        assertArrayEquals(new double[]{3.25}, tv.prox(Tensor.vector(3.25), 1).toArray(), 0);
        double[] v = {1, -2, 5, 0.5};
        assertArrayEquals(v, new TotalVariation1d(0).prox(Tensor.vector(v), 1).toArray(), 0);
        assertArrayEquals(new double[]{2, 2, 2}, tv.prox(Tensor.vector(2, 2, 2), 3).toArray(), 0);
        // a large threshold gives the mean
        double mean = (1 - 2 + 5 + 0.5) / 4;
        Tensor x = new TotalVariation1d(100).prox(Tensor.vector(v), 1);
        for (int i = 0; i < 4; i++) {
            assertEquals(mean, x.get(i), 1e-15);
        }
        // two samples: closed form
        Tensor two = tv.prox(Tensor.vector(0, 3), 1);
        assertArrayEquals(new double[]{0.5, 2.5}, two.toArray(), 1e-15);
        assertEquals(0.5 * 3, tv.value(Tensor.vector(0, 3)), 0);
        assertEquals(0, tv.value(Tensor.zeros(0)), 0);
    }

    @Test
    void moreauIdentity() {
        SplittableRandom rng = new SplittableRandom(7L);
        double worst = 0;
        for (int trial = 0; trial < 200; trial++) {
            int n = rng.nextInt(1, 300);
            double[] v = trial % 2 == 0 ? randomSignal(rng, n) : piecewiseConstant(trial, n, 20, 0.2);
            double lambda = rng.nextDouble(0.01, 3);
            double tau = rng.nextDouble(0.1, 5);
            ProximalFunction f = new TotalVariation1d(lambda);
            Tensor vt = Tensor.vector(v);
            Tensor p = f.prox(vt, tau);
            Tensor q = f.conjugate().prox(vt.mul(1 / tau), 1 / tau);
            Tensor sum = p.add(q.mul(tau));
            double err = sum.sub(vt).normInf() / (1 + vt.normInf());
            worst = Math.max(worst, err);
            assertTrue(err < 1e-10, "Moreau error " + err);
        }
        LOG.info("1-D TV Moreau identity: max relative error {}", worst);
    }

    @Test
    void fenchelYoungEqualityAndConjugateValue() {
        double[] v = piecewiseConstant(3L, 500, 25, 0.3);
        double lambda = 0.4;
        double tau = 1.5;
        TotalVariation1d f = new TotalVariation1d(lambda);
        Tensor vt = Tensor.vector(v);
        Tensor x = f.prox(vt, tau);
        Tensor y = vt.sub(x).mul(1 / tau); // ∂f(x) ∋ y
        assertEquals(0.0, f.conjugateValue(y), 0);
        assertEquals(f.value(x), x.dot(y), 1e-10 * (1 + f.value(x)));
        assertEquals(Double.POSITIVE_INFINITY, f.conjugateValue(Tensor.vector(1, 0, 0)));
        assertEquals(Double.POSITIVE_INFINITY, f.conjugateValue(Tensor.vector(1, -1).mul(2 * lambda)));
        assertEquals(0.0, f.conjugate().value(Tensor.vector(1, -1).mul(0.5 * lambda)), 0);
    }

    @Test
    void optimalAgainstRandomPerturbations() {
        SplittableRandom rng = new SplittableRandom(11L);
        double[] v = piecewiseConstant(5L, 60, 8, 0.3);
        double lambda = 0.35;
        double tau = 0.8;
        TotalVariation1d f = new TotalVariation1d(lambda);
        Tensor vt = Tensor.vector(v);
        Tensor x = f.prox(vt, tau);
        double best = objective(f, x, vt, tau);
        int n = v.length;
        for (int trial = 0; trial < 1000; trial++) {
            double scale = Math.pow(10, -rng.nextInt(1, 8));
            double[] d = new double[n];
            int kind = trial % 3;
            if (kind == 0) {
                for (int i = 0; i < n; i++) {
                    d[i] = scale * rng.nextGaussian();
                }
            } else if (kind == 1) {
                d[rng.nextInt(n)] = scale * (rng.nextBoolean() ? 1 : -1);
            } else { // shift a block (moves a whole segment, keeps the jump pattern)
                int a = rng.nextInt(n);
                int b = rng.nextInt(a, n) + 1;
                double s = scale * (rng.nextBoolean() ? 1 : -1);
                for (int i = a; i < b; i++) {
                    d[i] = s;
                }
            }
            double perturbed = objective(f, x.add(Tensor.vector(d)), vt, tau);
            assertTrue(perturbed >= best - 1e-13 * (1 + best),
                    "perturbation " + trial + " (scale " + scale + ") improves the objective: " + perturbed + " < " + best);
        }
    }

    private static double objective(ProximalFunction f, Tensor x, Tensor v, double tau) {
        Tensor d = x.sub(v);
        return f.value(x) + d.dot(d) / (2 * tau);
    }

    @Test
    void dualCertificateOnLongSignal() {
        int n = 200_000;
        double[] v = piecewiseConstant(99L, n, 500, 0.2);
        double t = 2.0;
        double[] x = new double[n];
        TotalVariation1d.denoise(v, 0, x, 0, n, t);
        int segments = 1;
        for (int i = 1; i < n; i++) {
            if (x[i] != x[i - 1]) {
                segments++;
            }
        }
        LOG.info("n = {}, t = {}: {} segments", n, t, segments);
        assertTrue(segments > 50 && segments < n / 10, "segments " + segments);
        assertCertificate(v, x, t, 1e-9);
    }

    /**
     * KKT certificate of {@code min ½‖x − v‖² + t‖Dx‖₁}: {@code z_j = −Σ_{k≤j}(v − x)_k} must satisfy
     * {@code |z_j| ≤ t}, {@code z_{n−1} = 0}, and {@code z_j = t·sign(x_{j+1} − x_j)} where x jumps by more than the slack.
     */
    static void assertCertificate(double[] v, double[] x, double t, double tol) {
        int n = v.length;
        double z = 0;
        double slack = tol * (1 + t);
        for (int j = 0; j < n; j++) {
            z -= v[j] - x[j];
            if (j == n - 1) {
                assertEquals(0, z, slack, "final dual");
                break;
            }
            assertTrue(Math.abs(z) <= t + slack, "|z_" + j + "| = " + Math.abs(z) + " > t = " + t);
            double jump = x[j + 1] - x[j];
            if (Math.abs(jump) > slack) { // exact for Condat's output; rounding-level steps in the reference are not jumps
                assertEquals(t * Math.signum(jump), z, slack, "dual at jump " + j);
            }
        }
    }

    @Test
    void denoiseWithOffsets() {
        double[] v = piecewiseConstant(1L, 50, 6, 0.3);
        double[] padded = new double[60];
        System.arraycopy(v, 0, padded, 7, 50);
        double[] out = new double[55];
        java.util.Arrays.fill(out, Double.NaN);
        TotalVariation1d.denoise(padded, 7, out, 3, 50, 0.4);
        double[] direct = new TotalVariation1d(0.4).prox(Tensor.vector(v), 1).toArray();
        for (int i = 0; i < 50; i++) {
            assertEquals(direct[i], out[3 + i], 0);
        }
        assertTrue(Double.isNaN(out[2]) && Double.isNaN(out[53]));
    }

    @Test
    void badInput() {
        assertEquals("BadParameter", assertThrows(FixpointException.class, () -> new TotalVariation1d(-1)).id());
        assertThrows(FixpointException.class, () -> new TotalVariation1d(Double.NaN));
        assertThrows(FixpointException.class, () -> new TotalVariation1d(Double.POSITIVE_INFINITY));
        TotalVariation1d f = new TotalVariation1d(1);
        ShapeMismatchException rank = assertThrows(ShapeMismatchException.class, () -> f.prox(Tensor.zeros(3, 3), 1));
        assertTrue(rank.getMessage().contains("[3, 3]"), rank.getMessage());
        assertThrows(ShapeMismatchException.class, () -> f.value(Tensor.scalar(1)));
        FixpointException nan = assertThrows(FixpointException.class, () -> f.prox(Tensor.vector(1, Double.NaN), 1));
        assertEquals("NonFinite", nan.id());
        assertEquals("BadParameter", assertThrows(FixpointException.class, () -> f.prox(Tensor.vector(1, 2), -1)).id());
        assertNotNull(f.name());
    }
}
