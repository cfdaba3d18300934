package dev.fixpoint.bio.ode;

/**
 * Coefficients of a Rosenbrock method in the form of Hairer and Wanner (Solving ODEs II, §IV.7):
 * with σ = 1/(hγ), stage i solves
 * {@code (σI − J) u_i = f(t + c_i h, y + Σ_j a_ij u_j) + h d_i ∂f/∂t + Σ_j (C_ij / h) u_j},
 * then {@code y₁ = y + Σ m_i u_i}, error estimate {@code Σ e_i u_i}, and the dense output
 * {@code y(t + θh) = (1−θ) y + θ (y₁ + (1−θ)(Σ h1_i u_i + θ Σ h2_i u_i))}. Data only.
 *
 * @param name  a stable name
 * @param order the order of y₁ (the error estimate is one order lower)
 * @param gamma the diagonal γ
 * @param a     stage coefficients a_ij (row i has i entries)
 * @param cc    the coefficients C_ij (row i has i entries)
 * @param c     stage times c_i
 * @param d     time-derivative coefficients d_i
 * @param m     solution weights
 * @param e     error weights
 * @param h1    first dense-output weights (may be empty: no dense output)
 * @param h2    second dense-output weights
 */
public record RosenbrockTableau(String name, int order, double gamma, double[][] a, double[][] cc, double[] c, double[] d,
                                double[] m, double[] e, double[] h1, double[] h2) {

    /** @return the number of stages */
    public int stages() {
        return c.length;
    }

    /**
     * RODAS4 of Hairer and Wanner: 6 stages, order 4(3), L-stable and stiffly accurate, with a
     * third-order dense output (coefficients as published with the Fortran code RODAS).
     *
     * @return the tableau
     */
    public static RosenbrockTableau rodas4() {
        double a21 = 1.544;
        double a31 = 0.9466785280815826;
        double a32 = 0.2557011698983284;
        double a41 = 3.314825187068521;
        double a42 = 2.896124015972201;
        double a43 = 0.9986419139977817;
        double a51 = 1.221224509226641;
        double a52 = 6.019134481288629;
        double a53 = 12.53708332932087;
        double a54 = -0.6878860361058950;
        double[][] a = {{}, {a21}, {a31, a32}, {a41, a42, a43}, {a51, a52, a53, a54}, {a51, a52, a53, a54, 1}};
        double[][] cc = {{},
                {-5.6688},
                {-2.430093356833875, -0.2063599157091915},
                {-0.1073529058151375, -9.594562251023355, -20.47028614809616},
                {7.496443313967647, -10.24680431464352, -33.99990352819905, 11.70890893206160},
                {8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136, -6.058818238834054}};
        double[] c = {0, 0.386, 0.21, 0.63, 1, 1};
        double[] d = {0.25, -0.1043, 0.1035, -0.0362, 0, 0};
        double[] m = {a51, a52, a53, a54, 1, 1};
        double[] e = {0, 0, 0, 0, 0, 1};
        double[] h1 = {10.12623508344586, -7.487995877610167, -34.80091861555747, -7.992771707568823, 1.025137723295662, 0};
        double[] h2 = {-0.6762803392801253, 6.087714651680015, 16.43084320892478, 24.76722511418386, -6.594389125716872, 0};
        return new RosenbrockTableau("rodas4", 4, 0.25, a, cc, c, d, m, e, h1, h2);
    }
}
