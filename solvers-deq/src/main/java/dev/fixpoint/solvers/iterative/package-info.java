/**
 * Classical iterative solvers over {@link dev.fixpoint.operators.LinearOperator}s and
 * {@link dev.fixpoint.operators.ProximalFunction}s. Every solver is configured by a builder, runs
 * with {@code solve(start)}, applies the stopping rules of
 * {@link dev.fixpoint.solvers.StoppingCriteria} through {@link dev.fixpoint.solvers.IterationMonitor}
 * (tolerance, iteration and time limits, divergence and NaN/Inf reported with the iteration),
 * reports progress to an {@link dev.fixpoint.solvers.IterationListener}, and returns a
 * {@link dev.fixpoint.solvers.SolverResult} with the objective and residual history.
 *
 * <h2>The family and when to use which</h2>
 * <ul>
 *   <li>{@link dev.fixpoint.solvers.iterative.ProximalGradient}: {@code min f + g} with f smooth
 *       ({@link dev.fixpoint.solvers.iterative.SmoothFunction}, e.g.
 *       {@link dev.fixpoint.solvers.iterative.LeastSquares}) and g proximable. Gradient descent and
 *       Nesterov for g = 0; ISTA and FISTA otherwise. Cheapest per iteration (one gradient, one
 *       prox); use FISTA with {@link dev.fixpoint.solvers.iterative.Restart#GRADIENT} for accuracy,
 *       backtracking when L is unknown.</li>
 *   <li>{@link dev.fixpoint.solvers.iterative.Admm}: {@code ½‖Ax − b‖² + g(Kx)}; robust, fast when the
 *       x-subproblem (a linear solve, factored once) is cheap, and when g∘K has no simple prox (TV).</li>
 *   <li>{@link dev.fixpoint.solvers.iterative.SplitBregman}: the same problem class for ℓ1-type R(Φx)
 *       in Goldstein–Osher form (inner sweeps before each Bregman update).</li>
 *   <li>{@link dev.fixpoint.solvers.iterative.PrimalDualHybridGradient}: {@code g(x) + f(Kx)} with
 *       only K, Kᵀ and the two prox maps — no linear solves; large imaging problems. Diagonal
 *       preconditioning for badly scaled sparse K
 *       ({@link dev.fixpoint.solvers.iterative.ExplicitMatrix},
 *       {@link dev.fixpoint.solvers.iterative.SeparableFunction}).</li>
 *   <li>{@link dev.fixpoint.solvers.iterative.DouglasRachford}: {@code f + g} with both only
 *       proximable (no smoothness), e.g. a constraint plus a nonsmooth penalty.</li>
 *   <li>{@link dev.fixpoint.solvers.iterative.ConjugateGradient}: SPD linear systems;
 *       {@link dev.fixpoint.solvers.iterative.Cgls}: (damped) least squares through the normal
 *       equations without forming AᵀA.</li>
 * </ul>
 *
 * <h2>Residuals compared to the tolerance</h2>
 * <table>
 *   <caption>What each solver tests</caption>
 *   <tr><th>solver</th><th>residual</th></tr>
 *   <tr><td>gradient descent, Nesterov, ISTA, FISTA</td>
 *       <td>gradient-mapping norm {@code ‖(y − x_k)/t‖} (the gradient for g = 0) divided by
 *       {@code max(‖∇f(x₀)‖, first gradient mapping)}</td></tr>
 *   <tr><td>ADMM, split Bregman</td>
 *       <td>Boyd et al.: {@code max(‖r‖/(√p + max(‖Kx‖, ‖z‖)), ‖s‖/(√n + ‖ρKᵀu‖))}, r = Kx − z,
 *       s = ρKᵀ(z − z_prev)</td></tr>
 *   <tr><td>PDHG</td>
 *       <td>{@code max(‖P‖/(√n + ‖Kᵀy‖), ‖D‖/(√m + ‖Kx‖))} with the primal and dual residuals P, D
 *       of the saddle-point conditions</td></tr>
 *   <tr><td>Douglas–Rachford</td>
 *       <td>{@code ‖x − y‖/(√n + max(‖x‖, ‖y‖))}, the gap between the two prox points</td></tr>
 *   <tr><td>CG</td><td>{@code ‖b − Ax‖/‖b‖}</td></tr>
 *   <tr><td>CGLS</td><td>{@code ‖Aᵀ(b − Ax) − μx‖/‖Aᵀb‖}</td></tr>
 * </table>
 * A residual below the tolerance is not by itself a certificate of optimality for a given problem;
 * {@link dev.fixpoint.solvers.iterative.LassoOptimality} computes the KKT residual of the lasso
 * independently of any solver.
 *
 * <h2>Bad input</h2>
 * Shapes are checked at once, naming both shapes; non-finite data throw
 * {@code [fixpoint/NonFinite]} naming the first bad index; a fixed step above 2/L throws
 * {@code [fixpoint/InvalidStep]} stating the step, L and 2/L, and when L is unknown a step that
 * makes the iteration blow up ends with {@code DIVERGED} and a reason naming the step as the
 * probable cause.
 */
package dev.fixpoint.solvers.iterative;
