package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * LISTA (Gregor &amp; LeCun, 2010): {@code x_{k+1} = η_{θ_k}(W_e·y + S_k·x_k)} from {@code x₀ = 0},
 * with η the soft threshold. Initialised as ISTA with step 1/L on {@code ½‖Ax − y‖² + λ‖x‖₁}:
 * {@code W_e = Aᵀ/L}, {@code S_k = I − AᵀA/L}, {@code θ_k = λ/L}, L = ‖A‖₂², so the untrained
 * network computes exactly K iterations of ISTA.
 *
 * <p>Shapes: A [m, n]; y [m, B]; every x_k [n, B]. Parameters: {@code We} [n, m] (shared by all
 * layers, layer 0), {@code S.k} [n, n] for k = 1 … K−1 ({@link Tying#UNTIED}) or one {@code S}
 * first used by layer 1 ({@link Tying#TIED}; layer 0 has x₀ = 0 and needs no S), and a scalar
 * threshold {@code theta.k} per layer. The thresholds are learned without a sign constraint.
 */
public final class Lista extends ListaNetwork {
    /** The architecture name in configurations. */
    public static final String ARCHITECTURE = "lista";
    private final Parameter we;
    private final Parameter[] s;
    private final Parameter[] theta;

    /**
     * @param a      measurement matrix [m, n] (kept, not copied; must not be modified)
     * @param layers K ≥ 1
     * @param lambda the ℓ₁ weight λ ≥ 0 of the ISTA initialisation (θ_k = λ/L)
     * @param tying  whether S is shared by the layers
     */
    public Lista(Tensor a, int layers, double lambda, Tying tying) {
        super(ARCHITECTURE, a, layers);
        nonNegative(ARCHITECTURE, "lambda", lambda);
        configure("tying", tying.name().toLowerCase(java.util.Locale.ROOT));
        double l = lipschitz(a);
        we = add(0, "We", a.transpose().scaleInPlace(1 / l));
        Tensor s0 = Tensor.matmul(a, true, a, false).scaleInPlace(-1 / l);
        for (int i = 0; i < n; i++) {
            s0.data()[i * n + i] += 1;
        }
        s = new Parameter[layers];
        theta = new Parameter[layers];
        for (int k = 0; k < layers; k++) {
            if (k >= 1 && (tying == Tying.UNTIED || k == 1)) {
                s[k] = add(k, tying == Tying.UNTIED ? "S." + k : "S", s0.copy());
            } else if (k >= 1) {
                s[k] = s[1];
            }
            theta[k] = add(k, "theta." + k, Tensor.scalar(lambda / l));
        }
    }

    @Override
    List<Var> run(Function<Parameter, Var> bind, Var y, int layers) {
        List<Var> out = new ArrayList<>(layers);
        Var b = Ops.matmul(bind.apply(we), y);
        Var x = Ops.softThreshold(b, bind.apply(theta[0]));
        out.add(x);
        for (int k = 1; k < layers; k++) {
            x = Ops.softThreshold(Ops.add(b, Ops.matmul(bind.apply(s[k]), x)), bind.apply(theta[k]));
            out.add(x);
        }
        return out;
    }
}
