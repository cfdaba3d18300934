package dev.fixpoint.bio.ode;

/** A first-order system dy/dt = f(t, y) of fixed dimension. Implementations may keep scratch state (not thread-safe). */
public interface OdeSystem {

    /** @return the number of components of y */
    int dimension();

    /**
     * Evaluates the right-hand side.
     *
     * @param t    time
     * @param y    state, length {@link #dimension()} (read only)
     * @param dydt output f(t, y), length {@link #dimension()} (overwritten)
     */
    void rhs(double t, double[] y, double[] dydt);

    /**
     * @return how many leading components enter the error test (default all); trailing components
     *         (e.g. pure quadratures) are integrated with the steps chosen for the others
     */
    default int errorControlDimension() {
        return dimension();
    }

    /** @return a name for component {@code i} used in error messages (default {@code y[i]}) */
    default String componentName(int i) {
        return "y[" + i + "]";
    }
}
