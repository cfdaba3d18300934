package dev.fixpoint.bio.ode;

/**
 * An {@link OdeSystem} that also provides its Jacobian J = ∂f/∂y for linearly implicit (Rosenbrock)
 * and Newton-type methods, as a factorisation of {@code shift·I − J}. The Jacobian is evaluated at one
 * point with {@link #updateJacobian} and may be factored for several shifts before the next update.
 */
public interface LinearlyImplicitSystem extends OdeSystem {

    /**
     * Evaluates and stores the Jacobian at (t, y).
     *
     * @param t time
     * @param y state (read only)
     */
    void updateJacobian(double t, double[] y);

    /**
     * Factors {@code shift·I − J} with the stored Jacobian.
     *
     * @param shift the diagonal shift (1/(hγ) for Rosenbrock methods; 0 for Newton on f = 0)
     * @throws dev.fixpoint.core.FixpointException {@code [fixpoint/SingularMatrix]} when a pivot is zero
     */
    void factor(double shift);

    /**
     * Solves {@code (shift·I − J) u = b} with the last factorisation.
     *
     * @param b the right-hand side, overwritten with u
     */
    void solve(double[] b);

    /** @return true if f does not depend explicitly on t (then ∂f/∂t ≡ 0 and is never evaluated) */
    default boolean autonomous() {
        return false;
    }

    /**
     * Computes ∂f/∂t at (t, y); the default uses a forward difference with step √ε·max(1, |t|).
     *
     * @param t   time
     * @param y   state (read only)
     * @param out ∂f/∂t (overwritten)
     */
    default void timeDerivative(double t, double[] y, double[] out) {
        int n = dimension();
        double[] f1 = new double[n];
        double dt = 1.49e-8 * Math.max(1, Math.abs(t));
        rhs(t, y, out);
        rhs(t + dt, y, f1);
        for (int i = 0; i < n; i++) {
            out[i] = (f1[i] - out[i]) / dt;
        }
    }
}
