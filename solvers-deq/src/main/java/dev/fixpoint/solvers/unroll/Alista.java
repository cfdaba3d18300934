package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * ALISTA (Liu et al., 2019), analytic LISTA:
 * {@code x_{k+1} = η^{ss}_{θ_k, p_k}(x_k − γ_k·Wᵀ(A·x_k − y))} from {@code x₀ = 0}, with the weight
 * W [m, n] computed from A alone ({@link AnalyticWeight}: minimal coherence, diag(WᵀA) = 1) and
 * support selection η^{ss} ({@link SupportSelection}, p_k = min(p·(k+1), p_max)). Only 2K scalars are
 * learned: the steps {@code gamma.k} and thresholds {@code theta.k} of each layer.
 *
 * <p>Initialisation as in the authors' code: γ_k = 1 and θ_k = λ/L (L = ‖A‖₂²).
 *
 * <p>Shapes: A, W [m, n] (constants); y [m, B]; every x_k [n, B].
 */
public final class Alista extends ListaNetwork {
    /** The architecture name in configurations. */
    public static final String ARCHITECTURE = "alista";
    private final Tensor w;
    private final double percent;
    private final double maxPercent;
    private final Parameter[] gamma;
    private final Parameter[] theta;

    /** ALISTA with W = {@link AnalyticWeight#of}(A) and the authors' selection schedule (1.2 %, 13 %). */
    public Alista(Tensor a, int layers, double lambda) {
        this(a, null, layers, lambda, SupportSelection.DEFAULT_PERCENT, SupportSelection.DEFAULT_MAX_PERCENT);
    }

    /**
     * @param a          measurement matrix [m, n] (kept, not copied; must not be modified)
     * @param weight     W [m, n], or null to compute {@link AnalyticWeight#of}(A); kept, not copied
     * @param layers     K ≥ 1
     * @param lambda     λ ≥ 0: the thresholds start at λ/L
     * @param percent    p ∈ [0, 100], the increment of the selected percentage per layer
     * @param maxPercent p_max ∈ [0, 100], its cap
     */
    public Alista(Tensor a, Tensor weight, int layers, double lambda, double percent, double maxPercent) {
        super(ARCHITECTURE, a, layers);
        nonNegative(ARCHITECTURE, "lambda", lambda);
        SupportSelection.checkPercentages(ARCHITECTURE, percent, maxPercent);
        if (weight != null && !weight.sameShape(a)) {
            throw new ShapeMismatchException("alista weight", weight.shape(), a.shape(), "W has the shape of A");
        }
        this.w = weight == null ? AnalyticWeight.of(a) : weight.requireFinite("alista: weight W");
        this.percent = percent;
        this.maxPercent = maxPercent;
        configure("weight", weight == null ? "analytic" : fingerprint(weight));
        configure("selection.percent", text(percent));
        configure("selection.max-percent", text(maxPercent));
        double l = lipschitz(a);
        gamma = new Parameter[layers];
        theta = new Parameter[layers];
        for (int k = 0; k < layers; k++) {
            gamma[k] = add(k, "gamma." + k, Tensor.scalar(1.0));
            theta[k] = add(k, "theta." + k, Tensor.scalar(lambda / l));
        }
    }

    /** @return the weight W [m, n] (shared; do not modify) */
    public Tensor weight() {
        return w;
    }

    @Override
    List<Var> run(Function<Parameter, Var> bind, Var y, int layers) {
        List<Var> out = new ArrayList<>(layers);
        Var a = Var.constant(this.a);
        Var wv = Var.constant(w);
        Var x = shrink(Ops.mul(bind.apply(gamma[0]), Ops.matmul(wv, true, y, false)), bind.apply(theta[0]), 0);
        out.add(x);
        for (int k = 1; k < layers; k++) {
            Var residual = Ops.sub(Ops.matmul(a, x), y);
            Var v = Ops.sub(x, Ops.mul(bind.apply(gamma[k]), Ops.matmul(wv, true, residual, false)));
            x = shrink(v, bind.apply(theta[k]), k);
            out.add(x);
        }
        return out;
    }

    private Var shrink(Var v, Var threshold, int layer) {
        return SupportSelection.shrink(v, threshold, SupportSelection.percent(layer, percent, maxPercent));
    }
}
