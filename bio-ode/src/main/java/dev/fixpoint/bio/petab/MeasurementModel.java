package dev.fixpoint.bio.petab;

/**
 * The PEtab measurement model of one data point: the observable transformation h (lin, log, log10), its
 * derivative, the Jacobian term of the data that the log transformations add to the likelihood, and the
 * per-measurement negative log-likelihood for normal and Laplace noise (normalisation constants included).
 * Shared by {@link PetabObjective} (value, gradient, residuals) and {@link HierarchicalObjective}.
 */
final class MeasurementModel {

    private MeasurementModel() {
    }

    /**
     * @param t the observable transformation
     * @param v a value on the linear scale (simulated or measured)
     * @return h(v): v, ln v or log10 v
     */
    static double transform(PetabProblem.Scale t, double v) {
        return switch (t) {
            case LIN -> v;
            case LOG -> Math.log(v);
            case LOG10 -> Math.log10(v);
        };
    }

    /**
     * @param t the observable transformation
     * @param y a simulated value on the linear scale
     * @return dh/dy at y: 1, 1/y or 1/(y ln 10)
     */
    static double transformDerivative(PetabProblem.Scale t, double y) {
        return switch (t) {
            case LIN -> 1;
            case LOG -> 1 / y;
            case LOG10 -> 1 / (y * Math.log(10));
        };
    }

    /**
     * @param t    the observable transformation
     * @param data the measured value (linear scale)
     * @return the Jacobian term of the transformed density: 0, ln m or ln(m ln 10)
     */
    static double logJacobian(PetabProblem.Scale t, double data) {
        return switch (t) {
            case LIN -> 0;
            case LOG -> Math.log(data);
            case LOG10 -> Math.log(data * Math.log(10));
        };
    }

    /**
     * One measurement's negative log-likelihood: ½ log(2πσ²) + ½ r² (normal) or log(2σ) + |r| (Laplace) with
     * r = (h(y) − h(m))/σ, plus {@link #logJacobian}. When dy is non-null, ∂term/∂y is ADDED to dy[iy] and
     * ∂term/∂σ to dy[is] (nothing else is modified).
     *
     * @param ob    the observable (transformation and noise distribution)
     * @param y     the simulated observable (linear scale)
     * @param data  the measured value (linear scale)
     * @param sigma σ on the transformed scale (normal) or the Laplace scale b
     * @param dy    null, or the loss gradient with respect to the outputs (modified at iy and is)
     * @param iy    index of the observable in dy
     * @param is    index of the noise formula in dy
     * @return the term
     */
    static double negLogLikelihood(PetabProblem.Observable ob, double y, double data, double sigma, double[] dy, int iy,
                                   int is) {
        PetabProblem.Scale t = ob.transformation();
        double r = (transform(t, y) - transform(t, data)) / sigma;
        boolean normal = ob.noise() == PetabProblem.Noise.NORMAL;
        if (dy != null) {
            double dh = transformDerivative(t, y);
            dy[iy] += (normal ? r / sigma : Math.signum(r) / sigma) * dh;
            dy[is] += normal ? (1 - r * r) / sigma : (1 - Math.abs(r)) / sigma;
        }
        return logJacobian(t, data) + (normal
                ? 0.5 * Math.log(2 * Math.PI * sigma * sigma) + 0.5 * r * r
                : Math.log(2 * sigma) + Math.abs(r));
    }
}
