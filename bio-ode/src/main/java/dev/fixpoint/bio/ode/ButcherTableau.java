package dev.fixpoint.bio.ode;

/**
 * Coefficients of an explicit embedded Runge–Kutta pair with the FSAL property (the last stage is
 * evaluated at the new solution): stage times {@code c}, stage matrix {@code a} (row s has s
 * entries; the last row holds the solution weights), error weights {@code e} = b − b̂, and the
 * dense-output weights {@code d} of Hairer's continuous extension. Data only.
 *
 * @param name  a stable name
 * @param order order of the propagated solution
 * @param c     stage times
 * @param a     stage coefficients
 * @param e     error weights
 * @param d     dense-output weights
 */
public record ButcherTableau(String name, int order, double[] c, double[][] a, double[] e, double[] d) {

    /** @return the number of stages */
    public int stages() {
        return c.length;
    }

    /**
     * Dormand and Prince's 5(4) pair (7 stages, FSAL) with the dense output of DOPRI5.
     *
     * @return the tableau
     */
    public static ButcherTableau dormandPrince54() {
        return new ButcherTableau("dopri5", 5,
                new double[]{0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1},
                new double[][]{
                        {},
                        {1.0 / 5},
                        {3.0 / 40, 9.0 / 40},
                        {44.0 / 45, -56.0 / 15, 32.0 / 9},
                        {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
                        {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
                        {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84}},
                new double[]{71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40},
                new double[]{-12715105075.0 / 11282082432.0, 0, 87487479700.0 / 32700410799.0,
                        -10690763975.0 / 1880347072.0, 701980252875.0 / 199316789632.0, -1453857185.0 / 822651844.0,
                        69997945.0 / 29380423.0});
    }
}
