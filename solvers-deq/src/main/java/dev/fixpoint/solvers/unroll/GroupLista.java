package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Group-LISTA: unrolled proximal gradient for group sparsity with known groups, with learned
 * block-diagonal weights aligned with the groups and a learned group soft threshold:
 * <pre>
 *   x_{k+1} = η^{group}_{θ_k}(x_k + D_k·Aᵀ(y − A·x_k)),   x₀ = 0,
 * </pre>
 * where the groups are the n/g contiguous blocks of g coordinates, D_k is block-diagonal with one
 * g×g block per group, and η^{group}_θ scales each group of each sample by max(0, 1 − θ/‖x_G‖₂)
 * (the proximal map of θ·Σ_G‖x_G‖₂). The block-diagonal D_k acts as a learned per-group
 * preconditioner of the gradient step: it mixes coordinates only within a group, so the group
 * structure of the iterate is kept.
 *
 * <p>Initialisation: D_k = I/L and θ_k = λ/L (L = ‖A‖₂²), so the untrained network is K iterations
 * of ISTA for the group lasso ½‖Ax − y‖² + λ·Σ_G‖x_G‖₂.
 *
 * <p>Shapes: A [m, n] (a constant), n a multiple of g; y [m, B]; every x_k [n, B]. Parameters:
 * {@code D.k} [n/g, g, g] per layer ({@link Tying#UNTIED}) or one {@code D} ({@link Tying#TIED}),
 * and a scalar threshold {@code theta.k} per layer.
 */
public final class GroupLista extends ListaNetwork {
    /** The architecture name in configurations. */
    public static final String ARCHITECTURE = "group-lista";
    private final int groupSize;
    private final Parameter[] d;
    private final Parameter[] theta;

    /**
     * @param a         measurement matrix [m, n] (kept, not copied; must not be modified)
     * @param groupSize g ≥ 1 dividing n; group G holds coordinates G·g … G·g + g − 1
     * @param layers    K ≥ 1
     * @param lambda    the group-lasso weight λ ≥ 0 of the initialisation
     * @param tying     whether D is shared by the layers
     */
    public GroupLista(Tensor a, int groupSize, int layers, double lambda, Tying tying) {
        super(ARCHITECTURE, a, layers);
        nonNegative(ARCHITECTURE, "lambda", lambda);
        GroupSoftThreshold.checkGroups(ARCHITECTURE, n, groupSize);
        this.groupSize = groupSize;
        configure("group-size", Integer.toString(groupSize));
        configure("tying", tying.name().toLowerCase(Locale.ROOT));
        double l = lipschitz(a);
        int groups = n / groupSize;
        Tensor identity = Tensor.zeros(groups, groupSize, groupSize);
        for (int G = 0; G < groups; G++) {
            for (int i = 0; i < groupSize; i++) {
                identity.data()[(G * groupSize + i) * groupSize + i] = 1 / l;
            }
        }
        d = new Parameter[layers];
        theta = new Parameter[layers];
        for (int k = 0; k < layers; k++) {
            if (tying == Tying.UNTIED || k == 0) {
                d[k] = add(k, tying == Tying.UNTIED ? "D." + k : "D", identity.copy());
            } else {
                d[k] = d[0];
            }
            theta[k] = add(k, "theta." + k, Tensor.scalar(lambda / l));
        }
    }

    /** @return the group size g */
    public int groupSize() {
        return groupSize;
    }

    @Override
    List<Var> run(Function<Parameter, Var> bind, Var y, int layers) {
        List<Var> out = new ArrayList<>(layers);
        Var a = Var.constant(this.a);
        Var step = BlockDiagonalProduct.apply(bind.apply(d[0]), Ops.matmul(a, true, y, false));
        Var x = GroupSoftThreshold.apply(step, bind.apply(theta[0]), groupSize);
        out.add(x);
        for (int k = 1; k < layers; k++) {
            Var gradient = Ops.matmul(a, true, Ops.sub(y, Ops.matmul(a, x)), false);
            Var v = Ops.add(x, BlockDiagonalProduct.apply(bind.apply(d[k]), gradient));
            x = GroupSoftThreshold.apply(v, bind.apply(theta[k]), groupSize);
            out.add(x);
        }
        return out;
    }
}
