package dev.fixpoint.bio.fit;

import dev.fixpoint.core.FixpointException;

/** Validation of bounds and starts, projection onto the box, and the projected-gradient measure. */
final class Box {

    private Box() {
    }

    /** Checks n ≥ 1, bound lengths, no NaN, lower ≤ upper. */
    static void check(int n, double[] lower, double[] upper) {
        if (n < 1) {
            throw new FixpointException("InvalidProblem", "dimension = " + n + ", expected ≥ 1");
        }
        if (lower == null || upper == null || lower.length != n || upper.length != n) {
            throw new FixpointException("ShapeMismatch", "bounds have lengths " + (lower == null ? "null" : lower.length)
                    + " and " + (upper == null ? "null" : upper.length) + ", expected the dimension " + n);
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(lower[i]) || Double.isNaN(upper[i])) {
                throw new FixpointException("InvalidBounds", "bound of variable " + i + " is NaN (lower = " + lower[i]
                        + ", upper = " + upper[i] + "); bounds must be numbers or ±Infinity");
            }
            if (lower[i] > upper[i]) {
                throw new FixpointException("InvalidBounds", "variable " + i + ": lower = " + lower[i]
                        + " > upper = " + upper[i] + "; expected lower ≤ upper");
            }
        }
    }

    /** Checks the problem's bounds. */
    static void check(BoundedProblem p) {
        check(p.dimension(), p.lower(), p.upper());
    }

    /** @return a projected copy of x0 after checking its length and finiteness */
    static double[] start(int n, double[] lower, double[] upper, double[] x0) {
        check(n, lower, upper);
        if (x0 == null || x0.length != n) {
            throw new FixpointException("ShapeMismatch", "x0 has length " + (x0 == null ? "null" : x0.length)
                    + ", expected the problem dimension " + n);
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x0[i])) {
                throw new FixpointException("InvalidStart", "x0[" + i + "] = " + x0[i] + ", expected a finite number");
            }
            x[i] = Math.min(upper[i], Math.max(lower[i], x0[i]));
        }
        return x;
    }

    /** @return max_i |P(x − g)_i − x_i| */
    static double projectedGradientNorm(double[] x, double[] g, double[] lower, double[] upper) {
        double norm = 0;
        for (int i = 0; i < x.length; i++) {
            double p = Math.min(upper[i], Math.max(lower[i], x[i] - g[i])) - x[i];
            norm = Math.max(norm, Math.abs(p));
        }
        return norm;
    }

    /** @return a NaN-filled vector of length n */
    static double[] nan(int n) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, Double.NaN);
        return x;
    }

    /** @return the message of t, or its class name when it has none */
    static String describe(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.getClass().getName();
    }
}
