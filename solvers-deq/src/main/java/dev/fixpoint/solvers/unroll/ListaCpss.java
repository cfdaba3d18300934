package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;

/**
 * LISTA-CPSS (Chen et al., 2018): {@link ListaCp} with support selection,
 * {@code x_{k+1} = η^{ss}_{θ_k, p_k}(x_k + W_kᵀ(y − A·x_k))}, where in each sample the largest
 * p_k % of the magnitudes (above θ_k) pass without shrinkage — see {@link SupportSelection} — with
 * p_k = min(p·(k+1), p_max).
 *
 * <p>Shapes, parameters and initialisation as {@link ListaCp}; the percentages are part of the
 * configuration.
 */
public final class ListaCpss extends ListaCp {
    /** The architecture name in configurations. */
    public static final String ARCHITECTURE = "lista-cpss";
    private final double percent;
    private final double maxPercent;

    /**
     * LISTA-CPSS initialised as ISTA (step 1/L) with the authors' schedule p = 1.2 %, p_max = 13 %.
     *
     * @see #ListaCpss(Tensor, int, double, Tying, double, double, double)
     */
    public ListaCpss(Tensor a, int layers, double lambda, Tying tying) {
        this(a, layers, lambda, tying, Double.NaN, SupportSelection.DEFAULT_PERCENT, SupportSelection.DEFAULT_MAX_PERCENT);
    }

    /**
     * @param a           measurement matrix [m, n] (kept, not copied; must not be modified)
     * @param layers      K ≥ 1
     * @param lambda      the ℓ₁ weight λ ≥ 0 of the initialisation
     * @param tying       whether W is shared by the layers
     * @param initialStep s > 0: W_k = s·A, θ_k = s·λ initially; NaN for 1/L (ISTA)
     * @param percent     p ∈ [0, 100], the increment of the selected percentage per layer
     * @param maxPercent  p_max ∈ [0, 100], its cap
     */
    public ListaCpss(Tensor a, int layers, double lambda, Tying tying, double initialStep, double percent,
                     double maxPercent) {
        super(ARCHITECTURE, a, layers, lambda, tying, initialStep);
        SupportSelection.checkPercentages(ARCHITECTURE, percent, maxPercent);
        this.percent = percent;
        this.maxPercent = maxPercent;
        configure("selection.percent", text(percent));
        configure("selection.max-percent", text(maxPercent));
    }

    @Override
    Var shrink(Var v, Var threshold, int layer) {
        return SupportSelection.shrink(v, threshold, SupportSelection.percent(layer, percent, maxPercent));
    }
}
