package dev.fixpoint.bio.fit;

/** A view of a problem with variable i held at a value: dimension n − 1, the other variables in their order. */
final class FixedParameterProblem implements BoundedProblem {

    private final BoundedProblem full;
    private final int fixed;
    private final double[] x;
    private final double[] g;
    private final double[] lower;
    private final double[] upper;

    FixedParameterProblem(BoundedProblem full, int fixed) {
        this.full = full;
        this.fixed = fixed;
        int n = full.dimension();
        this.x = new double[n];
        this.g = new double[n];
        this.lower = reduce(full.lower(), new double[n - 1]);
        this.upper = reduce(full.upper(), new double[n - 1]);
    }

    void setValue(double value) {
        x[fixed] = value;
    }

    /** Copies all but the fixed entry of {@code v} into {@code out}. */
    double[] reduce(double[] v, double[] out) {
        for (int j = 0, k = 0; j < v.length; j++) {
            if (j != fixed) {
                out[k++] = v[j];
            }
        }
        return out;
    }

    /** @return the full vector for reduced {@code r} and the fixed value */
    double[] expand(double[] r) {
        double[] out = x.clone();
        for (int j = 0, k = 0; j < out.length; j++) {
            if (j != fixed) {
                out[j] = r[k++];
            }
        }
        return out;
    }

    @Override
    public int dimension() {
        return x.length - 1;
    }

    @Override
    public double[] lower() {
        return lower;
    }

    @Override
    public double[] upper() {
        return upper;
    }

    @Override
    public double valueAndGradient(double[] r, double[] gr) {
        for (int j = 0, k = 0; j < x.length; j++) {
            if (j != fixed) {
                x[j] = r[k++];
            }
        }
        double f = full.valueAndGradient(x, g);
        reduce(g, gr);
        return f;
    }
}
