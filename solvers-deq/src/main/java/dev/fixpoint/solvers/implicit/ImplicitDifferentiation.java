package dev.fixpoint.solvers.implicit;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.StoppingCriteria;
import java.util.Objects;

/**
 * Implicit differentiation of a solution map {@code z*(θ)} defined by an optimality condition
 * {@code F(z*, θ) = 0} (or a fixed point {@code z* = T(z*, θ)}, i.e. {@code F = z − T}). By the
 * implicit function theorem, with {@code A = ∂F/∂z} and {@code B = ∂F/∂θ} at {@code (z*, θ)}:
 * <ul>
 *   <li>VJP: solve {@code Aᵀ u = g}, then {@code gᵀ dz* / dθ = −Bᵀ u};</li>
 *   <li>JVP: solve {@code A t = −B v}, then {@code dz* / dθ · v = t}.</li>
 * </ul>
 * The linear systems are solved matrix-free ({@link LinearSolveMethod}): products with {@code Aᵀ}
 * come from reverse mode on one recording of F at {@code (z*, θ)} (the tape stays live for all
 * products), products with {@code A} and {@code B} from forward mode. CG is the default when the
 * user declares A symmetric ({@link #symmetric}), GMRES otherwise. A linear solve that does not reach
 * its tolerance raises {@code [fixpoint/ImplicitSolveFailed]} with its residual: never a zero or
 * partial gradient.
 *
 * <pre>{@code
 * ImplicitDifferentiation diff = ImplicitDifferentiation.ofCondition((z, th) -> gradientOfInnerObjective(z, th))
 *         .symmetric(true);
 * try (Linearization lin = diff.at(zStar, lambda)) {
 *     Tensor[] grads = lin.vjp(dLossDz);       // one per θ
 * }
 * }</pre>
 *
 * Immutable; the {@code with…}-style setters return modified copies.
 */
public final class ImplicitDifferentiation {
    private final OptimalityCondition condition;
    private final boolean fixedPoint;
    private final boolean symmetric;
    private final LinearSolveMethod method;
    private final StoppingCriteria stopping;
    private final int restart;

    private ImplicitDifferentiation(OptimalityCondition condition, boolean fixedPoint, boolean symmetric,
                                    LinearSolveMethod method, StoppingCriteria stopping, int restart) {
        this.condition = Objects.requireNonNull(condition, "condition");
        this.fixedPoint = fixedPoint;
        this.symmetric = symmetric;
        this.method = method;
        this.stopping = Objects.requireNonNull(stopping, "stopping");
        this.restart = restart;
    }

    /** @return implicit differentiation of {@code F(z, θ) = 0}; GMRES, tolerance 1e-10, 1,000 iterations */
    public static ImplicitDifferentiation ofCondition(OptimalityCondition f) {
        return new ImplicitDifferentiation(f, false, false, null, StoppingCriteria.of(1e-10, 1000), 50);
    }

    /** @return implicit differentiation of the fixed point {@code z = T(z, θ)} (F = z − T); GMRES by default */
    public static ImplicitDifferentiation ofFixedPoint(FixedPointEquation t) {
        Objects.requireNonNull(t, "T");
        return new ImplicitDifferentiation((z, theta) -> Ops.sub(z, t.apply(z, theta)), true, false, null,
                StoppingCriteria.of(1e-10, 1000), 50);
    }

    /** @return a copy declaring whether {@code ∂F/∂z} is symmetric (then CG is the default method) */
    public ImplicitDifferentiation symmetric(boolean value) {
        return new ImplicitDifferentiation(condition, fixedPoint, value, method, stopping, restart);
    }

    /** @return a copy using this linear solver */
    public ImplicitDifferentiation method(LinearSolveMethod value) {
        return new ImplicitDifferentiation(condition, fixedPoint, symmetric, Objects.requireNonNull(value, "method"),
                stopping, restart);
    }

    /** @return a copy with these stopping rules for the linear solves (relative residual) */
    public ImplicitDifferentiation stopping(StoppingCriteria value) {
        return new ImplicitDifferentiation(condition, fixedPoint, symmetric, method, value, restart);
    }

    /** @return a copy with this GMRES restart length (≥ 1) */
    public ImplicitDifferentiation gmresRestart(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] GMRES restart length must be >= 1, got " + value);
        }
        return new ImplicitDifferentiation(condition, fixedPoint, symmetric, method, stopping, value);
    }

    /** @return the method used: the chosen one, else CG when symmetric, else GMRES */
    public LinearSolveMethod effectiveMethod() {
        return method != null ? method : symmetric ? LinearSolveMethod.CG : LinearSolveMethod.GMRES;
    }

    /** @return whether this differentiates a fixed point (F = z − T) */
    public boolean isFixedPoint() {
        return fixedPoint;
    }

    OptimalityCondition condition() {
        return condition;
    }

    StoppingCriteria criteria() {
        return stopping;
    }

    int restart() {
        return restart;
    }

    /**
     * Linearises F at a solution: records {@code F(z*, θ)} once on a tape that stays live until the
     * returned object is closed.
     *
     * @param zStar the solution (not modified; should satisfy F ≈ 0, this is not checked)
     * @param theta the parameters (not modified)
     * @return the linearisation, which computes VJPs and JVPs
     */
    public Linearization at(Tensor zStar, Tensor... theta) {
        return new Linearization(this, zStar, theta);
    }

    /** @return {@code gᵀ dz* / dθ}, one tensor per θ; see {@link Linearization#vjp} */
    public Tensor[] vjp(Tensor zStar, Tensor[] theta, Tensor g) {
        try (Linearization lin = at(zStar, theta)) {
            return lin.vjp(g);
        }
    }

    /** @return {@code dz* / dθ · v}; see {@link Linearization#jvp} */
    public Tensor jvp(Tensor zStar, Tensor[] theta, Tensor[] v) {
        try (Linearization lin = at(zStar, theta)) {
            return lin.jvp(v);
        }
    }

    @Override
    public String toString() {
        return "ImplicitDifferentiation[" + (fixedPoint ? "fixed point" : "condition") + ", " + effectiveMethod()
                + (symmetric ? ", symmetric" : "") + ", " + stopping + "]";
    }
}
