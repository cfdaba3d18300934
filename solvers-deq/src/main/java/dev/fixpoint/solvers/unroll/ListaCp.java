package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * LISTA-CP (Chen et al., 2018), LISTA with coupled weights:
 * {@code x_{k+1} = η_{θ_k}(x_k + W_kᵀ(y − A·x_k))} from {@code x₀ = 0}, η the soft threshold. The
 * coupling {@code S_k = I − W_kᵀA} is the structure the authors prove necessary for convergence;
 * it leaves one matrix W_k [m, n] per layer instead of two.
 *
 * <p>Initialisation with a step s: {@code W_k = s·A}, {@code θ_k = s·λ}. With s = 1/L (L = ‖A‖₂²,
 * the default) the untrained network is ISTA on {@code ½‖Ax − y‖² + λ‖x‖₁}; s = 1 gives W = A and
 * θ = λ.
 *
 * <p>Shapes: A [m, n] (a constant); y [m, B]; every x_k [n, B]. Parameters: {@code W.k} [m, n] per
 * layer ({@link Tying#UNTIED}) or one {@code W} (layer 0, {@link Tying#TIED}), and a scalar
 * threshold {@code theta.k} per layer.
 */
public class ListaCp extends ListaNetwork {
    /** The architecture name in configurations. */
    public static final String ARCHITECTURE = "lista-cp";
    private final Parameter[] w;
    private final Parameter[] theta;

    /** LISTA-CP initialised as ISTA (step 1/L); see {@link #ListaCp(Tensor, int, double, Tying, double)}. */
    public ListaCp(Tensor a, int layers, double lambda, Tying tying) {
        this(ARCHITECTURE, a, layers, lambda, tying, Double.NaN);
    }

    /**
     * @param a           measurement matrix [m, n] (kept, not copied; must not be modified)
     * @param layers      K ≥ 1
     * @param lambda      the ℓ₁ weight λ ≥ 0 of the initialisation
     * @param tying       whether W is shared by the layers
     * @param initialStep s > 0: W_k = s·A and θ_k = s·λ initially; NaN for s = 1/L (ISTA)
     */
    public ListaCp(Tensor a, int layers, double lambda, Tying tying, double initialStep) {
        this(ARCHITECTURE, a, layers, lambda, tying, initialStep);
    }

    ListaCp(String architecture, Tensor a, int layers, double lambda, Tying tying, double initialStep) {
        super(architecture, a, layers);
        nonNegative(architecture, "lambda", lambda);
        configure("tying", tying.name().toLowerCase(Locale.ROOT));
        double s = Double.isNaN(initialStep) ? 1 / lipschitz(a) : checkStep(initialStep);
        w = new Parameter[layers];
        theta = new Parameter[layers];
        for (int k = 0; k < layers; k++) {
            if (tying == Tying.UNTIED || k == 0) {
                w[k] = add(k, tying == Tying.UNTIED ? "W." + k : "W", a.mul(s));
            } else {
                w[k] = w[0];
            }
            theta[k] = add(k, "theta." + k, Tensor.scalar(s * lambda));
        }
    }

    private static double checkStep(double s) {
        if (!(s > 0) || Double.isInfinite(s)) {
            throw new FixpointException("InvalidParameter", "lista-cp: the initial step must be finite and > 0, got " + s);
        }
        return s;
    }

    /** The shrinkage of layer k: soft thresholding here, support selection in {@link ListaCpss}. */
    Var shrink(Var v, Var threshold, int layer) {
        return Ops.softThreshold(v, threshold);
    }

    @Override
    final List<Var> run(Function<Parameter, Var> bind, Var y, int layers) {
        List<Var> out = new ArrayList<>(layers);
        Var a = Var.constant(this.a);
        Var x = shrink(Ops.matmul(bind.apply(w[0]), true, y, false), bind.apply(theta[0]), 0);
        out.add(x);
        for (int k = 1; k < layers; k++) {
            Var residual = Ops.sub(y, Ops.matmul(a, x));
            Var v = Ops.add(x, Ops.matmul(bind.apply(w[k]), true, residual, false));
            x = shrink(v, bind.apply(theta[k]), k);
            out.add(x);
        }
        return out;
    }
}
