package dev.fixpoint.bio;

import dev.fixpoint.bio.ode.IntegratorStatistics;
import dev.fixpoint.bio.ode.OdeOptions;
import dev.fixpoint.bio.ode.RosenbrockIntegrator;
import dev.fixpoint.bio.ode.StepObserver;
import dev.fixpoint.core.FixpointException;
import java.util.Arrays;

/**
 * A steady state f(x_ss, p) = 0 at a fixed time (inputs frozen), found by damped Newton with the
 * exact Jacobian, falling back to integrating the frozen system over growing horizons (RODAS4)
 * and polishing with Newton. Newton has converged when its weighted RMS step (weights 1/(atol + rtol·|x|))
 * is ≤ 1e-3, or is ≤ 1 and no longer shrinks by half (the round-off floor of ill-conditioned
 * systems with slow modes). Sensitivities by the implicit function theorem:
 * {@code dx_ss/dp = −J⁻¹ ∂f/∂p}. Needs a non-singular Jacobian at the steady state (models with
 * conservation laws must be reduced first).
 *
 * @param state         x_ss
 * @param time          the frozen time
 * @param newtonSteps   Newton iterations used
 * @param integrated    true if the fallback integration was needed
 */
record SteadyState(double[] state, double time, int newtonSteps, boolean integrated) {

    static SteadyState solve(CompiledNetwork net, double[] x0, double t, OdeOptions options, IntegratorStatistics stats) {
        double[] x = x0.clone();
        ModelSystem sys = new ModelSystem(net, true, t);
        int[] its = {0};
        if (newton(sys, x, t, options, its)) {
            return new SteadyState(x, t, its[0], false);
        }
        x = x0.clone();
        RosenbrockIntegrator in = new RosenbrockIntegrator(options);
        double tt = 0;
        double h = 0;
        for (double horizon = 1; horizon <= 1e12; horizon *= 10) {
            h = in.integrate(sys, tt, x, horizon, h, StepObserver.NONE);
            tt = horizon;
            double[] probe = x.clone();
            if (residual(sys, probe, options) <= 1 && newton(sys, probe, t, options, its)) {
                stats.add(in.statistics());
                return new SteadyState(probe, t, its[0], true);
            }
        }
        stats.add(in.statistics());
        throw new FixpointException("SteadyState", "no steady state found at t = " + t + " for model '"
                + net.network().name() + "': Newton failed and integration up to 1e12 did not settle (|f| "
                + residual(sys, x, options) + " in tolerance units)");
    }

    /** WRMS norm of f(x) with weights 1/(atol + rtol·|x|), per unit time. */
    private static double residual(ModelSystem sys, double[] x, OdeOptions o) {
        double[] f = new double[x.length];
        sys.rhs(0, x, f);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = f[i] / (o.atol() + o.rtol() * Math.abs(x[i]));
            s += r * r;
        }
        return Math.sqrt(s / x.length);
    }

    private static boolean newton(ModelSystem sys, double[] x, double t, OdeOptions o, int[] its) {
        int n = x.length;
        double[] f = new double[n];
        double[] trial = new double[n];
        double previous = Double.POSITIVE_INFINITY;
        for (int it = 0; it < 40; it++) {
            its[0]++;
            sys.rhs(t, x, f);
            double r0 = norm(f, x, o);
            sys.updateJacobian(t, x);
            try {
                sys.factor(0); // −J
            } catch (FixpointException singular) {
                return false;
            }
            sys.solve(f); // Δ = (−J)⁻¹ f
            double step = 1;
            double dn = 0;
            boolean improved = false;
            for (int damp = 0; damp < 12; damp++) {
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] + step * f[i];
                }
                double[] ft = new double[n];
                sys.rhs(t, trial, ft);
                double r1 = norm(ft, trial, o);
                if (Double.isFinite(r1) && (r1 < r0 || r1 <= 1e-3)) {
                    improved = true;
                    break;
                }
                step *= 0.5;
            }
            if (!improved) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                double d = trial[i] - x[i];
                double w = o.atol() + o.rtol() * Math.abs(trial[i]);
                dn += (d / w) * (d / w);
            }
            System.arraycopy(trial, 0, x, 0, n);
            double stepNorm = Math.sqrt(dn / n);
            // converged: the step is far below the tolerances, or it is within them and has stopped shrinking
            // (Newton has reached the round-off floor of f, magnified by ‖J⁻¹‖ for slow modes)
            if (stepNorm <= 1e-3 || (stepNorm <= 1 && stepNorm > 0.5 * previous)) {
                return true;
            }
            previous = stepNorm;
        }
        return false;
    }

    private static double norm(double[] f, double[] x, OdeOptions o) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            double r = f[i] / (o.atol() + o.rtol() * Math.abs(x[i]));
            s += r * r;
        }
        return Math.sqrt(s / f.length);
    }

    /** dx_ss/dp, column-major by parameter: columns (−J)⁻¹ ∂f/∂p_k. */
    double[] sensitivities(CompiledNetwork net) {
        int n = net.n;
        int np = net.np;
        ModelSystem sys = new ModelSystem(net, true, time);
        sys.updateJacobian(time, state);
        factorOrFail(sys, net);
        double[] pv = new double[net.jacP.nonZeros()];
        net.jacobianP(time, state, pv);
        double[] s = new double[n * np];
        for (int e = 0; e < pv.length; e++) {
            s[net.jacP.entryCol[e] * n + net.jacP.entryRow[e]] += pv[e];
        }
        double[] col = new double[n];
        for (int k = 0; k < np; k++) {
            System.arraycopy(s, k * n, col, 0, n);
            sys.solve(col);
            System.arraycopy(col, 0, s, k * n, n);
        }
        return s;
    }

    /** grad += ∂f/∂pᵀ (−J)⁻ᵀ λ at the steady state x (one transposed solve). */
    static void adjointContribution(CompiledNetwork net, double[] x, double t, double[] lambda, double[] grad) {
        ModelSystem sys = new ModelSystem(net, true, t);
        sys.updateJacobian(t, x);
        factorOrFail(sys, net);
        double[] nu = Arrays.copyOf(lambda, net.n);
        sys.lu.solveTransposed(nu);
        double[] pv = new double[net.jacP.nonZeros()];
        net.jacobianP(t, x, pv);
        net.jacP.multiplyTransposed(pv, nu, 0, grad, 0);
    }

    private static void factorOrFail(ModelSystem sys, CompiledNetwork net) {
        try {
            sys.factor(0);
        } catch (FixpointException e) {
            throw new FixpointException("SteadyStateSingular", "the Jacobian of model '" + net.network().name()
                    + "' is singular at the steady state (a conservation law?); implicit sensitivities need it "
                    + "non-singular: " + e.getMessage());
        }
    }
}
