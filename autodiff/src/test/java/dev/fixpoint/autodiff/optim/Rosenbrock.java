package dev.fixpoint.autodiff.optim;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * Rosenbrock test functions in {@code n} dimensions, written with the basic Ops only (the sub-vectors
 * {@code u} and {@code v} below are products with constant selection matrices):
 * <ul>
 *   <li>extended (Moré, Garbow &amp; Hillstrom 1981, problem 21; {@code n} even):
 *       {@code f = Σⱼ 100(x₂ⱼ − x₂ⱼ₋₁²)² + (1 − x₂ⱼ₋₁)²}, pairs uncoupled;</li>
 *   <li>chained (SciPy's {@code rosen}): {@code f = Σᵢ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)²}.</li>
 * </ul>
 * Both have the minimum {@code f(1, …, 1) = 0}; the standard start is {@code (−1.2, 1, −1.2, 1, …)}.
 */
final class Rosenbrock {
    private final int n;
    private final boolean chained;
    private final Var selectU;
    private final Var selectV;
    private final Var one = Var.constant(1.0);

    private Rosenbrock(int n, boolean chained) {
        this.n = n;
        this.chained = chained;
        int terms = chained ? n - 1 : n / 2;
        Tensor su = Tensor.zeros(terms, n);
        Tensor sv = Tensor.zeros(terms, n);
        for (int j = 0; j < terms; j++) {
            int i = chained ? j : 2 * j;
            su.set(1.0, j, i);
            sv.set(1.0, j, i + 1);
        }
        selectU = Var.constant(su);
        selectV = Var.constant(sv);
    }

    static Rosenbrock extended(int n) {
        if (n % 2 != 0) {
            throw new IllegalArgumentException("the extended Rosenbrock function needs an even dimension, got " + n);
        }
        return new Rosenbrock(n, false);
    }

    static Rosenbrock chained(int n) {
        return new Rosenbrock(n, true);
    }

    int dimension() {
        return n;
    }

    /** @return f(x) for {@code x} of shape {@code [n]}: Σ 100(v − u²)² + (1 − u)² */
    Var apply(Var x) {
        Var col = Ops.reshape(x, n, 1);
        Var u = Ops.matmul(selectU, col);
        Var v = Ops.matmul(selectV, col);
        Var r1 = Ops.sub(v, Ops.mul(u, u));
        Var r2 = Ops.sub(one, u);
        return Ops.add(Ops.scale(Ops.sum(Ops.mul(r1, r1)), 100.0), Ops.sum(Ops.mul(r2, r2)));
    }

    /** @return the standard start (−1.2, 1, −1.2, 1, …) */
    double[] start() {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1.0;
        }
        return x;
    }

    /** The value and, into {@code g}, the gradient, written by hand (to check the taped version). */
    double analytic(double[] x, double[] g) {
        Arrays.fill(g, 0.0);
        double f = 0;
        for (int i = 0; i + 1 < n; i += chained ? 1 : 2) {
            double r1 = x[i + 1] - x[i] * x[i];
            double r2 = 1 - x[i];
            f += 100 * r1 * r1 + r2 * r2;
            g[i] += -400 * x[i] * r1 - 2 * r2;
            g[i + 1] += 200 * r1;
        }
        return f;
    }
}
