package dev.fixpoint.solvers.implicit;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import java.util.Objects;

/**
 * A solution map {@code θ ↦ z*(θ)} as one autodiff operation: the forward pass runs a solver (any
 * code, not recorded), the derivative rules differentiate implicitly through the optimality condition
 * ({@link ImplicitDifferentiation}) — so the memory of the backward pass does not grow with the
 * solver's iterations. The VJP and the JVP each linearise F at the saved solution and solve one
 * linear system; a failed solve raises {@code [fixpoint/ImplicitSolveFailed]}. Differentiable once.
 */
public final class ImplicitSolution {

    /** Computes the solution of F(z, θ) = 0 for given parameter values. */
    @FunctionalInterface
    public interface Solver {
        /**
         * @param theta the parameter values (must not be modified)
         * @return the solution z*(θ) (a new tensor; finite)
         */
        Tensor solve(Tensor[] theta);
    }

    private final SolveOp op;

    private ImplicitSolution(Solver solver, ImplicitDifferentiation diff) {
        this.op = new SolveOp(Objects.requireNonNull(solver, "solver"), Objects.requireNonNull(diff, "diff"));
    }

    /** @return the operation solving with {@code solver} and differentiating with {@code diff} */
    public static ImplicitSolution of(Solver solver, ImplicitDifferentiation diff) {
        return new ImplicitSolution(solver, diff);
    }

    /**
     * @param theta the parameters (on a tape, or constants)
     * @return {@code z*(θ)}, recorded on the parameters' tape when any requires a gradient
     */
    public Var apply(Var... theta) {
        return op.apply(theta);
    }

    private static final class SolveOp extends Op {
        private final Solver solver;
        private final ImplicitDifferentiation diff;

        SolveOp(Solver solver, ImplicitDifferentiation diff) {
            this.solver = solver;
            this.diff = diff;
        }

        @Override
        public String name() {
            return "implicit-solution";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] inputs) {
            Tensor z = solver.solve(inputs);
            z.requireFinite("implicit solution: the solver's output z*");
            ctx.save(z);
            ctx.saveState(inputs.clone());
            return z;
        }

        @Override
        protected Tensor[] vjp(OpContext ctx, Tensor upstream) {
            Tensor[] theta = ctx.state();
            try (Linearization lin = diff.at(ctx.saved(0), theta)) {
                return lin.vjp(upstream);
            }
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] tangents) {
            Tensor[] theta = ctx.state();
            try (Linearization lin = diff.at(ctx.saved(0), theta)) {
                return lin.jvp(tangents);
            }
        }
    }
}
