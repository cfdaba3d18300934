package dev.fixpoint.bio.fit;

/** A view of a problem with one variable held fixed ({@link FixedParameter}): dimension n − 1. Not thread-safe. */
final class FixedParameterProblem implements BoundedProblem {

    private final BoundedProblem full;
    private final FixedParameter map;
    private final double[] g;
    private final double[] lower;
    private final double[] upper;

    FixedParameterProblem(BoundedProblem full, FixedParameter map) {
        this.full = full;
        this.map = map;
        int n = full.dimension();
        this.g = new double[n];
        this.lower = map.reduce(full.lower(), new double[n - 1]);
        this.upper = map.reduce(full.upper(), new double[n - 1]);
    }

    @Override
    public int dimension() {
        return lower.length;
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
        double f = full.valueAndGradient(map.fill(r), g);
        map.reduce(g, gr);
        return f;
    }
}
