package dev.fixpoint.solvers.unroll;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import java.util.function.DoubleBinaryOperator;

/**
 * Plain reference loops of ISTA, FISTA, ADMM and PDHG on primitive arrays, written independently of
 * the unrolled networks: samples are columns, x [n, B], y [m, B], A [m, n] row-major.
 */
final class ClassicalIterations {
    /** prox(v, θ) elementwise. */
    static final DoubleBinaryOperator SOFT = (v, t) -> Math.signum(v) * Math.max(Math.abs(v) - t, 0);

    private final double[] a;
    private final int m;
    private final int n;

    ClassicalIterations(Tensor matrix) {
        this.a = matrix.toArray();
        this.m = matrix.dim(0);
        this.n = matrix.dim(1);
    }

    /** A x for one column. */
    double[] apply(double[] x) {
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i * n + j] * x[j];
            }
            r[i] = s;
        }
        return r;
    }

    /** Aᵀ r for one column. */
    double[] adjoint(double[] r) {
        double[] x = new double[n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                x[j] += a[i * n + j] * r[i];
            }
        }
        return x;
    }

    static double[] column(Tensor t, int b) {
        int rows = t.dim(0);
        int cols = t.dim(1);
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = t.data()[t.offset() + i * cols + b];
        }
        return c;
    }

    /** The K iterates of ISTA for one column of y. */
    double[][] ista(double[] y, double tau, double lambda, DoubleBinaryOperator prox, int layers) {
        double[][] out = new double[layers][];
        double[] x = new double[n];
        for (int k = 0; k < layers; k++) {
            double[] r = apply(x);
            for (int i = 0; i < m; i++) {
                r[i] -= y[i];
            }
            double[] g = adjoint(r);
            double[] next = new double[n];
            for (int j = 0; j < n; j++) {
                next[j] = prox.applyAsDouble(x[j] - tau * g[j], tau * lambda);
            }
            x = next;
            out[k] = x;
        }
        return out;
    }

    /** FISTA in the form of Beck &amp; Teboulle (2009), with the classical t-sequence or a constant β ≥ 0. */
    double[][] fista(double[] y, double tau, double lambda, double constantBeta, int layers) {
        double[][] out = new double[layers][];
        double[] xPrev = new double[n];
        double[] point = new double[n];
        double t = 1;
        for (int k = 0; k < layers; k++) {
            double[] r = apply(point);
            for (int i = 0; i < m; i++) {
                r[i] -= y[i];
            }
            double[] g = adjoint(r);
            double[] x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = SOFT.applyAsDouble(point[j] - tau * g[j], tau * lambda);
            }
            double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            double beta = Double.isNaN(constantBeta) ? (t - 1) / tNext : constantBeta;
            point = new double[n];
            for (int j = 0; j < n; j++) {
                point[j] = x[j] + beta * (x[j] - xPrev[j]);
            }
            t = tNext;
            xPrev = x;
            out[k] = x;
        }
        return out;
    }

    /** Scaled ADMM with a dense linear solve of (AᵀA + ρI) per iteration; returns the z iterates. */
    double[][] admm(double[] y, double rho, double lambda, DoubleBinaryOperator prox, int layers) {
        double[][] out = new double[layers][];
        Tensor gram = Tensor.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int r = 0; r < m; r++) {
                    s += a[r * n + i] * a[r * n + j];
                }
                gram.data()[i * n + j] = s + (i == j ? rho : 0);
            }
        }
        double[] aty = adjoint(y);
        double[] z = new double[n];
        double[] u = new double[n];
        for (int k = 0; k < layers; k++) {
            double[] rhs = new double[n];
            for (int j = 0; j < n; j++) {
                rhs[j] = aty[j] + rho * (z[j] - u[j]);
            }
            double[] x = LinearAlgebra.current().solve(gram, Tensor.vector(rhs)).toArray();
            double[] zNew = new double[n];
            for (int j = 0; j < n; j++) {
                zNew[j] = prox.applyAsDouble(x[j] + u[j], lambda / rho);
                u[j] = u[j] + x[j] - zNew[j];
            }
            z = zNew;
            out[k] = z;
        }
        return out;
    }

    /** Chambolle–Pock with F(v) = ½‖v − y‖², dual step first, extrapolation θ = 1. */
    double[][] pdhg(double[] y, double tau, double sigma, double lambda, int layers) {
        double[][] out = new double[layers][];
        double[] x = new double[n];
        double[] xbar = new double[n];
        double[] p = new double[m];
        for (int k = 0; k < layers; k++) {
            double[] ax = apply(xbar);
            for (int i = 0; i < m; i++) {
                p[i] = (p[i] + sigma * (ax[i] - y[i])) / (1 + sigma);
            }
            double[] g = adjoint(p);
            double[] next = new double[n];
            for (int j = 0; j < n; j++) {
                next[j] = SOFT.applyAsDouble(x[j] - tau * g[j], tau * lambda);
                xbar[j] = 2 * next[j] - x[j];
            }
            x = next;
            out[k] = x;
        }
        return out;
    }
}
