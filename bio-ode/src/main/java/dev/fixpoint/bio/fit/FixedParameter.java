package dev.fixpoint.bio.fit;

/**
 * Variable i of an n-vector held at a value: maps between the full vector (length n, kept in a buffer) and the
 * vector of the other variables (length n − 1, in their order). Not thread-safe.
 */
final class FixedParameter {

    final int fixed;
    final double[] full;

    FixedParameter(int n, int fixed) {
        this.fixed = fixed;
        this.full = new double[n];
    }

    void setValue(double value) {
        full[fixed] = value;
    }

    /** Copies all but the fixed entry of {@code v} (length n) into {@code out} (length n − 1). */
    double[] reduce(double[] v, double[] out) {
        for (int j = 0, k = 0; j < v.length; j++) {
            if (j != fixed) {
                out[k++] = v[j];
            }
        }
        return out;
    }

    /** Writes the reduced vector {@code r} into the full buffer (the fixed entry keeps its value). */
    double[] fill(double[] r) {
        for (int j = 0, k = 0; j < full.length; j++) {
            if (j != fixed) {
                full[j] = r[k++];
            }
        }
        return full;
    }

    /** @return a new full vector from reduced {@code r} and the fixed value */
    double[] expand(double[] r) {
        return fill(r).clone();
    }
}
