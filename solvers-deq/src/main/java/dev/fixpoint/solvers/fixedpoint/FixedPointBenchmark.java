package dev.fixpoint.solvers.fixedpoint;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import dev.fixpoint.solvers.sparse.SparseRecoveryBatch;
import dev.fixpoint.solvers.sparse.SparseRecoveryProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark set on which the fixed-point solvers are compared (by the {@code deq} suite and the
 * tests): lasso-ISTA on the standard sparse-recovery problem at several λ, elastic-net ISTA, a linear
 * contraction with a spread spectrum, the same contraction rescaled by 10⁶ and 10⁻⁶ (scale
 * invariance), and a tanh equilibrium layer. Every problem is a batch of columns and deterministic
 * from its seed.
 */
public final class FixedPointBenchmark {

    /**
     * One problem of the set.
     *
     * @param name        short name, e.g. {@code "lasso-ista λ=0.1"}
     * @param description what the map is
     * @param map         the map f
     * @param start       the starting iterates {@code [d, B]}
     */
    public record Problem(String name, String description, FixedPointMap map, Tensor start) {
    }

    private FixedPointBenchmark() {
    }

    /**
     * @param batch samples per problem (columns), ≥ 1
     * @param seed  seed of the matrices and data
     * @return the problems listed in the class comment
     */
    public static List<Problem> standardSet(int batch, long seed) {
        if (batch < 1) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] batch must be >= 1, got " + batch);
        }
        List<Problem> set = new ArrayList<>();
        SparseRecoveryProblem sparse = SparseRecoveryProblem.standard(Double.POSITIVE_INFINITY, seed);
        SparseRecoveryBatch data = sparse.testSet(batch);
        for (double lambda : new double[]{0.05, 0.1, 0.2}) {
            set.add(lassoIsta(sparse.matrix(), data.y(), lambda, 0));
        }
        set.add(lassoIsta(sparse.matrix(), data.y(), 0.1, 0.1));
        for (double scale : new double[]{1, 1e6, 1e-6}) {
            set.add(linearContraction(200, 0.99, scale, batch, seed));
        }
        set.add(tanhLayer(64, 0.9, batch, seed));
        return set;
    }

    /**
     * ISTA for {@code min ½‖Ax − y‖² + λ₁‖x‖₁ + (λ₂/2)‖x‖²}: {@code f(x) = prox(x − (1/L)Aᵀ(Ax − y))} with
     * step 1/L, L = ‖A‖₂² + λ₂, the prox of {@code (λ₁/L)‖·‖₁ + (λ₂/2L)‖·‖²}.
     *
     * @param a       A [m, n]
     * @param y       measurements [m, B]
     * @param lambda1 ℓ1 weight, ≥ 0
     * @param lambda2 ridge weight, ≥ 0 (0 for the lasso)
     */
    public static Problem lassoIsta(Tensor a, Tensor y, double lambda1, double lambda2) {
        int n = a.dim(1);
        int batch = y.dim(1);
        double lip = LinearAlgebra.current().eigh(Tensor.matmul(a, true, a, false)).values().max() + lambda2;
        double threshold = lambda1 / lip;
        double shrink = 1.0 / (1.0 + lambda2 / lip);
        FixedPointMap f = (x, samples) -> {
            Tensor ys = SampleColumns.gather(y, samples);
            Tensor r = Tensor.matmulInto(1.0, a, false, x, false, 0.0, null);
            r.subInto(ys, r);
            Tensor v = x.copy();
            Tensor.matmulInto(-1.0 / lip, a, true, r, false, 1.0, v);
            double[] vd = v.data();
            for (int i = 0; i < vd.length; i++) {
                double t = Math.abs(vd[i]) - threshold;
                vd[i] = t > 0 ? Math.copySign(t * shrink, vd[i]) : 0.0;
            }
            return v;
        };
        String name = lambda2 == 0 ? "lasso-ista λ=" + lambda1 : "elastic-net-ista λ1=" + lambda1 + " λ2=" + lambda2;
        return new Problem(name, "ISTA map, step 1/L, m=" + a.dim(0) + " n=" + n + ", x0 = 0", f,
                Tensor.zeros(n, batch));
    }

    /**
     * {@code f(z) = scale·c + M z} with M = Q diag(μ) Qᵀ, μ spread geometrically over
     * [0.01·ρ, ρ] with alternating signs, c ~ N(0, I); the residuals scale with {@code scale}.
     */
    public static Problem linearContraction(int d, double rho, double scale, int batch, long seed) {
        SplittableRandom rng = new SplittableRandom(seed + 17);
        Tensor q = LinearAlgebra.current().qr(gaussian(d, d, rng)).q();
        double[] mu = new double[d];
        for (int i = 0; i < d; i++) {
            double t = d == 1 ? 1 : (double) i / (d - 1);
            mu[i] = (i % 2 == 0 ? 1 : -1) * rho * Math.pow(0.01, 1 - t);
        }
        Tensor qd = q.copy();
        double[] qdd = qd.data();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                qdd[i * d + j] *= mu[j];
            }
        }
        Tensor m = Tensor.matmul(qd, false, q, true);
        Tensor c = gaussian(d, batch, rng).mul(scale);
        FixedPointMap f = (z, samples) -> {
            Tensor out = Tensor.matmulInto(1.0, m, false, z, false, 0.0, null);
            return out.addInto(SampleColumns.gather(c, samples), out);
        };
        return new Problem("linear ρ=" + rho + " scale=" + scale, "z ↦ Mz + c, spectrum ±[0.01ρ, ρ], d=" + d,
                f, Tensor.zeros(d, batch));
    }

    /** {@code f(z) = tanh(Wz + Ux + b)} with ‖W‖₂ = {@code norm}, U [d, d/2] and x ~ N(0, I). */
    public static Problem tanhLayer(int d, double norm, int batch, long seed) {
        SplittableRandom rng = new SplittableRandom(seed + 29);
        Tensor w = gaussian(d, d, rng);
        double s = LinearAlgebra.current().svd(w).s().max();
        Tensor ws = w.mul(norm / s);
        int p = Math.max(1, d / 2);
        Tensor ux = Tensor.matmul(gaussian(d, p, rng).mul(1.0 / Math.sqrt(p)), false, gaussian(p, batch, rng), false);
        double[] uxd = ux.data();
        for (int i = 0; i < d; i++) {
            double bias = 0.1 * nextGaussian(rng);
            for (int j = 0; j < batch; j++) {
                uxd[i * batch + j] += bias;
            }
        }
        FixedPointMap f = (z, samples) -> {
            Tensor out = Tensor.matmulInto(1.0, ws, false, z, false, 0.0, null);
            return out.addInto(SampleColumns.gather(ux, samples), out).mapInto(Math::tanh, out);
        };
        return new Problem("tanh-deq ‖W‖=" + norm, "z ↦ tanh(Wz + Ux + b), d=" + d, f, Tensor.zeros(d, batch));
    }


    private static Tensor gaussian(int r, int c, SplittableRandom rng) {
        double[] v = new double[r * c];
        for (int i = 0; i < v.length; i++) {
            v[i] = nextGaussian(rng);
        }
        return Tensor.wrap(v, r, c);
    }

    private static double nextGaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
