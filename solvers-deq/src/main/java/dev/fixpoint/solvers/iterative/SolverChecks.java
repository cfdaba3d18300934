package dev.fixpoint.solvers.iterative;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import dev.fixpoint.solvers.SolverResult;
import java.util.Arrays;

/** Input validation and small shared computations of the solvers of this package. */
final class SolverChecks {
    private SolverChecks() {
    }

    /** Throws {@link ShapeMismatchException} naming both shapes unless {@code t} has {@code expected}. */
    static void requireShape(String context, Tensor t, int[] expected, String rule) {
        if (!Arrays.equals(t.shape(), expected)) {
            throw new ShapeMismatchException(context, t.shape(), expected, rule);
        }
    }

    /**
     * @return a finite copy of {@code start} (validated against {@code shape}), or zeros when null
     * @throws FixpointException {@code [fixpoint/NonFinite]} naming the first bad index
     */
    static Tensor startingPoint(String solver, String what, Tensor start, int[] shape) {
        if (start == null) {
            return Tensor.zeros(shape);
        }
        requireShape(solver + ": " + what, start, shape, what + " must have shape " + Arrays.toString(shape));
        start.requireFinite(solver + ": " + what);
        return start.copy();
    }

    /** @return {@code g(x)}, with indicator functions counted as 0 (their iterates are feasible by construction) */
    static double valueOrZeroForIndicator(ProximalFunction g, Tensor x) {
        return g == null || g.isIndicator() ? 0.0 : g.value(x);
    }

    /**
     * Rejects a fixed step above {@code 2/L} when L is known.
     *
     * @throws FixpointException {@code [fixpoint/InvalidStep]} stating t, L and 2/L
     */
    static void requireStepWithinTwoOverL(String solver, double t, double lipschitz) {
        if (Double.isFinite(lipschitz) && lipschitz > 0 && t > 2 / lipschitz) {
            throw new FixpointException("InvalidStep", String.format(
                    "%s: step t = %.6g exceeds 2/L = %.6g (L = %.6g is the Lipschitz constant of the gradient); "
                            + "the iteration would diverge. Use t <= 1/L = %.6g, StepSize.inverseLipschitz() or "
                            + "StepSize.backtracking()", solver, t, 2 / lipschitz, lipschitz, 1 / lipschitz));
        }
    }

    /** Requires a finite positive parameter. */
    static double positive(String solver, String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] " + solver + ": " + what
                    + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** @return {@code ‖a − b‖₂} without allocating */
    static double distance(Tensor a, Tensor b) {
        double[] ad = a.data();
        double[] bd = b.data();
        int ao = a.offset();
        int bo = b.offset();
        double s = 0;
        for (int i = 0, n = a.size(); i < n; i++) {
            double d = ad[ao + i] - bd[bo + i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** @return {@code r} with {@code extra} appended to its stopping reason */
    static SolverResult withReason(SolverResult r, String extra) {
        return new SolverResult(r.solver(), r.solution(), r.status(), r.iterations(), r.stoppingReason() + extra,
                r.objectiveHistory(), r.residualHistory(), r.elapsedSeconds(), r.auxiliaries());
    }
}
