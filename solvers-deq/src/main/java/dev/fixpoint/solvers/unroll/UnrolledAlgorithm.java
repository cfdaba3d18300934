package dev.fixpoint.solvers.unroll;

import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.solvers.unroll.LearningSpec.Quantity;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The classical algorithms for {@code min_x ½‖Ax − y‖² + λ·g(x)} that {@link UnrolledSolver} unrolls
 * into K layers. Notation: A [m, n] the measurement operator, {@code prox} the proximal map of g
 * ({@link UnrolledProx}), W the linear map that stands for Aᵀ (Aᵀ itself unless
 * {@link Quantity#LINEAR_MAP} is learned); every iteration starts from zeros, and layer k = 0…K−1
 * outputs the estimate written {@code x_{k+1}} below (for ADMM, z).
 */
public enum UnrolledAlgorithm {
    /**
     * Proximal gradient (ISTA): {@code x_{k+1} = prox_{τλ g}(x_k − τ·W(A x_k − y))}.
     * Learnable: step τ, weight λ, linear map W. Classical step τ = 1/‖A‖₂².
     */
    ISTA("ista", EnumSet.of(Quantity.STEP, Quantity.THRESHOLD, Quantity.LINEAR_MAP)),
    /**
     * FISTA (Beck &amp; Teboulle 2009): {@code v_k = x_k + β_k(x_k − x_{k−1})} (layers k ≥ 1; v_0 = x_0),
     * {@code x_{k+1} = prox_{τλ g}(v_k − τ·W(A v_k − y))}. Classical momentum
     * {@code β_k = (t_k − 1)/t_{k+1}} with {@code t_1 = 1}, {@code t_{k+1} = (1 + √(1 + 4t_k²))/2};
     * a constant β can be set instead. Learnable: step τ, weight λ, momentum β (the skip connection),
     * linear map W. Classical step τ = 1/‖A‖₂².
     */
    FISTA("fista", EnumSet.of(Quantity.STEP, Quantity.THRESHOLD, Quantity.MOMENTUM, Quantity.LINEAR_MAP)),
    /**
     * Scaled ADMM for {@code x = z}: {@code x_{k+1} = (AᵀA + ρI)⁻¹(W y + ρ(z_k − u_k))},
     * {@code z_{k+1} = prox_{(λ/ρ) g}(x_{k+1} + u_k)}, {@code u_{k+1} = u_k + x_{k+1} − z_{k+1}}; the
     * output is z. The inverse uses an eigendecomposition of AᵀA computed once (differentiable in ρ).
     * Learnable: penalty ρ, weight λ, linear map W. Default ρ = 1.
     */
    ADMM("admm", EnumSet.of(Quantity.PENALTY, Quantity.THRESHOLD, Quantity.LINEAR_MAP)),
    /**
     * Primal-dual hybrid gradient (Chambolle &amp; Pock 2011) with {@code F(v) = ½‖v − y‖²}, dual step
     * first: {@code p_{k+1} = (p_k + σ(A x̄_k − y))/(1 + σ)}, {@code x_{k+1} = prox_{τλ g}(x_k − τ·W p_{k+1})},
     * {@code x̄_{k+1} = 2x_{k+1} − x_k}. Learnable: primal step τ, dual step σ, weight λ, linear map W.
     * Classical steps τ = σ = 0.99/‖A‖₂ (so τσ‖A‖² &lt; 1).
     */
    PDHG("pdhg", EnumSet.of(Quantity.STEP, Quantity.DUAL_STEP, Quantity.THRESHOLD, Quantity.LINEAR_MAP));

    private final String key;
    private final Set<Quantity> learnable;

    UnrolledAlgorithm(String key, EnumSet<Quantity> learnable) {
        this.key = key;
        this.learnable = Collections.unmodifiableSet(learnable);
    }

    /** @return the architecture name of the unrolled network, e.g. {@code "unrolled-fista"} */
    public String architecture() {
        return "unrolled-" + key;
    }

    /** @return the quantities this algorithm can learn */
    public Set<Quantity> learnable() {
        return learnable;
    }

    /**
     * @param a the measurement matrix [m, n] (copied)
     * @return a builder of this algorithm unrolled over {@code a}
     */
    public UnrolledBuilder over(Tensor a) {
        return new UnrolledBuilder(this, MeasurementModel.of(a));
    }

    /**
     * @param a a linear operator; its domain (any shape, flattened row-major) has n elements and its
     *          range m; batches are applied sample by sample through {@link LinearOperator#apply}
     * @return a builder of this algorithm unrolled over {@code a}
     */
    public UnrolledBuilder over(LinearOperator a) {
        return new UnrolledBuilder(this, MeasurementModel.of(a));
    }
}
