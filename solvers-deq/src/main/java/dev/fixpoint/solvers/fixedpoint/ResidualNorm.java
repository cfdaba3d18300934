package dev.fixpoint.solvers.fixedpoint;

/** Which residual of {@code z = f(z)} is tested against the tolerance, per sample. */
public enum ResidualNorm {
    /** {@code ‖f(z) − z‖₂ / ‖f(z)‖₂} (dimensionless, invariant to the scale of the problem); the default. */
    RELATIVE,
    /** {@code ‖f(z) − z‖₂}, in the units of {@code z}. */
    ABSOLUTE;

    /** @return the residual from the absolute residual norm and the norm of {@code f(z)} */
    double of(double residual, double fNorm) {
        return this == ABSOLUTE ? residual : residual / Math.max(fNorm, Double.MIN_NORMAL);
    }
}
