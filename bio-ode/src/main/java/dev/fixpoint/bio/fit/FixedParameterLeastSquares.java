package dev.fixpoint.bio.fit;

/**
 * A least-squares problem with one variable held fixed ({@link FixedParameter}): dimension n − 1, the Jacobian
 * without the fixed column. Not thread-safe.
 */
final class FixedParameterLeastSquares implements LeastSquaresProblem {

    private final LeastSquaresProblem full;
    private final FixedParameter map;
    private final double[][] jacobian;
    private final double[] lower;
    private final double[] upper;

    FixedParameterLeastSquares(LeastSquaresProblem full, FixedParameter map) {
        this.full = full;
        this.map = map;
        int n = full.dimension();
        this.jacobian = new double[full.residualCount()][n];
        this.lower = map.reduce(full.lower(), new double[n - 1]);
        this.upper = map.reduce(full.upper(), new double[n - 1]);
    }

    @Override
    public int dimension() {
        return lower.length;
    }

    @Override
    public int residualCount() {
        return full.residualCount();
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
    public double constant() {
        return full.constant();
    }

    @Override
    public void residuals(double[] x, double[] r, double[][] jacobianOrNull) {
        full.residuals(map.fill(x), r, jacobianOrNull == null ? null : jacobian);
        if (jacobianOrNull != null) {
            for (int k = 0; k < jacobian.length; k++) {
                map.reduce(jacobian[k], jacobianOrNull[k]);
            }
        }
    }
}
