package dev.fixpoint.bio.fit;

import java.util.Arrays;
import java.util.Random;

/** Analytic objectives for the optimiser tests. */
final class TestProblems {

    private TestProblems() {
    }

    /** Extended Rosenbrock Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)², minimum 0 at (1, …, 1); bounds ±10. */
    static BoundedProblem rosenbrock(int n) {
        double[] lo = new double[n];
        double[] up = new double[n];
        Arrays.fill(lo, -10);
        Arrays.fill(up, 10);
        return new BoundedProblem() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double[] lower() {
                return lo;
            }

            @Override
            public double[] upper() {
                return up;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                Arrays.fill(g, 0);
                double f = 0;
                for (int i = 0; i + 1 < n; i++) {
                    double a = x[i + 1] - x[i] * x[i];
                    double b = 1 - x[i];
                    f += 100 * a * a + b * b;
                    g[i] += -400 * a * x[i] - 2 * b;
                    g[i + 1] += 200 * a;
                }
                return f;
            }
        };
    }

    /** f(x) = ½ xᵀAx − bᵀx on the box [lo, up]. Counts evaluations. */
    static class Quadratic implements BoundedProblem {
        final double[][] a;
        final double[] b;
        final double[] lo;
        final double[] up;
        int evaluations;

        Quadratic(double[][] a, double[] b, double[] lo, double[] up) {
            this.a = a;
            this.b = b;
            this.lo = lo;
            this.up = up;
        }

        @Override
        public int dimension() {
            return b.length;
        }

        @Override
        public double[] lower() {
            return lo;
        }

        @Override
        public double[] upper() {
            return up;
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            evaluations++;
            double f = 0;
            for (int i = 0; i < b.length; i++) {
                double ax = 0;
                for (int j = 0; j < b.length; j++) {
                    ax += a[i][j] * x[j];
                }
                g[i] = ax - b[i];
                f += 0.5 * x[i] * ax - b[i] * x[i];
            }
            return f;
        }
    }

    /** A random SPD matrix MᵀM + n·I (condition number of a few tens). */
    static double[][] spd(int n, long seed) {
        Random rnd = new Random(seed);
        double[][] m = new double[n][n];
        for (double[] row : m) {
            for (int j = 0; j < n; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += m[k][i] * m[k][j];
                }
                a[i][j] = s + (i == j ? n : 0);
            }
        }
        return a;
    }

    static double[] fill(int n, double v) {
        double[] x = new double[n];
        Arrays.fill(x, v);
        return x;
    }
}
