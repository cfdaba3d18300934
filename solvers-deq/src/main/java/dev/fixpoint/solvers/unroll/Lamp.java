package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learned AMP, LAMP-ℓ1 (Borgerding, Schniter and Rangan 2017): AMP with soft thresholding unrolled
 * into K layers whose matrices {@code B_k} [n, m], threshold multipliers α_k and output scales β_k
 * are trained, with the Onsager correction kept. With {@code v₀ = y} and {@code x₀ = 0}, layer
 * {@code k = 0..K−1} computes
 * <pre>
 *   σ_k     = ‖v_k‖₂ / √m                                  (per column)
 *   x_{k+1} = β_k · η(x_k + B_k v_k;  α_k σ_k)               (η: soft threshold)
 *   v_{k+1} = y − A x_{k+1} + (β_k ‖x_{k+1}‖₀ / m) · v_k     (Onsager correction)
 * </pre>
 * and outputs x_{k+1}. The measurement matrix A [m, n] is fixed (not trained). The count
 * {@code ‖x_{k+1}‖₀} is piecewise constant, so it enters the derivatives as a constant; every other
 * quantity is differentiated (through σ_k as well).
 *
 * <p>Initialised by {@link #fromAmp} with {@code B_k = Aᵀ}, {@code α_k = α}, {@code β_k = 1}, the
 * forward pass is exactly {@link dev.fixpoint.solvers.amp.Amp} with multiplier α. {@link Tying}
 * applies to B (one matrix for all layers, or one per layer); α_k and β_k are always per layer.
 *
 * <p>Shapes: input y [m, B] (samples are columns), outputs [n, B]. Parameters: {@code "B"}
 * (tied) or {@code "layer<k>.B"} [n, m]; {@code "layer<k>.alpha"} and {@code "layer<k>.beta"}
 * scalars {@code []}. Parameters are modified only by optimisers.
 */
public final class Lamp implements UnrolledNetwork {
    private final Tensor matrix;
    private final int m;
    private final int n;
    private final int depth;
    private final Tying tying;
    private final ParameterSet parameters = new ParameterSet();
    private final List<Parameter> b = new ArrayList<>();
    private final List<Parameter> alpha = new ArrayList<>();
    private final List<Parameter> beta = new ArrayList<>();

    private Lamp(Tensor matrix, int depth, double alphaInit, Tying tying) {
        if (matrix.rank() != 2) {
            throw new ShapeMismatchException("lamp: A must be a matrix [m, n], got shape " + Arrays.toString(matrix.shape()));
        }
        if (depth < 1) {
            throw new FixpointException("InvalidParameter", "lamp: layers must be >= 1, got " + depth);
        }
        if (!(alphaInit >= 0) || Double.isInfinite(alphaInit)) {
            throw new FixpointException("InvalidParameter", "lamp: alpha must be finite and >= 0, got " + alphaInit);
        }
        if (tying == null) {
            throw new FixpointException("InvalidParameter", "lamp: tying must be one of " + Arrays.toString(Tying.values()));
        }
        matrix.requireFinite("lamp: matrix A");
        this.matrix = matrix;
        this.m = matrix.dim(0);
        this.n = matrix.dim(1);
        this.depth = depth;
        this.tying = tying;
        Tensor at = matrix.transpose();
        for (int k = 0; k < depth; k++) {
            if (tying == Tying.UNTIED || k == 0) {
                b.add(parameters.add(tying == Tying.TIED ? "B" : "layer" + k + ".B", k == 0 ? at : at.copy()));
            }
            alpha.add(parameters.add("layer" + k + ".alpha", Tensor.scalar(alphaInit)));
            beta.add(parameters.add("layer" + k + ".beta", Tensor.scalar(1.0)));
        }
    }

    /**
     * @param matrix A [m, n], finite; kept by reference (not modified)
     * @param layers K ≥ 1
     * @param alpha  the AMP threshold multiplier α ≥ 0 every α_k starts from
     * @param tying  whether B is shared by the layers
     * @return LAMP initialised to AMP: {@code B_k = Aᵀ} (copies), {@code α_k = α}, {@code β_k = 1}
     */
    public static Lamp fromAmp(Tensor matrix, int layers, double alpha, Tying tying) {
        return new Lamp(matrix, layers, alpha, tying);
    }

    @Override
    public String architecture() {
        return "lamp";
    }

    @Override
    public int depth() {
        return depth;
    }

    /** @return whether B is shared by the layers */
    public Tying tying() {
        return tying;
    }

    @Override
    public ParameterSet parameters() {
        return parameters;
    }

    @Override
    public ParameterSet layerParameters(int layer) {
        if (layer < 0 || layer >= depth) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] lamp: layer must be in [0, " + (depth - 1) + "], got " + layer);
        }
        ParameterSet set = new ParameterSet();
        if (tying == Tying.UNTIED || layer == 0) {
            set.add(b.get(tying == Tying.TIED ? 0 : layer));
        }
        set.add(alpha.get(layer));
        set.add(beta.get(layer));
        return set;
    }

    /**
     * @param tape   the tape to record on, or {@code null} for inference
     * @param y      measurements [m, B]
     * @param layers 1 ≤ layers ≤ depth()
     * @return x_1..x_layers, each [n, B]
     */
    @Override
    public List<Var> forward(Tape tape, Var y, int layers) {
        if (layers < 1 || layers > depth) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] lamp: layers must be in [1, " + depth + "], got " + layers);
        }
        List<Var> bs = new ArrayList<>();
        List<Var> as = new ArrayList<>();
        List<Var> betas = new ArrayList<>();
        for (Parameter p : b) {
            bs.add(UnrolledNetwork.bind(tape, p));
        }
        for (int k = 0; k < layers; k++) {
            as.add(UnrolledNetwork.bind(tape, alpha.get(k)));
            betas.add(UnrolledNetwork.bind(tape, beta.get(k)));
        }
        return unroll(Var.constant(matrix), y, bs, as, betas, layers);
    }

    /**
     * The LAMP recursion on given variables (the parameters as inputs, for gradient checks and for
     * embedding in larger graphs).
     *
     * @param a      A [m, n]
     * @param y      [m, B]
     * @param bs     one B [n, m] (tied) or at least {@code layers} of them
     * @param alphas α_0..α_{layers−1}, scalars
     * @param betas  β_0..β_{layers−1}, scalars
     * @return x_1..x_layers, each [n, B]
     */
    static List<Var> unroll(Var a, Var y, List<Var> bs, List<Var> alphas, List<Var> betas, int layers) {
        int rows = a.shape()[0];
        int cols = a.shape()[1];
        if (y.shape().length != 2 || y.shape()[0] != rows) {
            throw new ShapeMismatchException("lamp", a.shape(), y.shape(), "y is [m, B] with m = rows of A");
        }
        for (Var bk : bs) {
            if (bk.shape().length != 2 || bk.shape()[0] != cols || bk.shape()[1] != rows) {
                throw new ShapeMismatchException("lamp", bk.shape(), a.shape(), "B is [n, m] for A [m, n]");
            }
        }
        if (bs.size() != 1 && bs.size() < layers || alphas.size() < layers || betas.size() < layers) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] lamp: " + layers + " layers need 1 or " + layers
                    + " matrices B and " + layers + " alphas and betas; got " + bs.size() + ", " + alphas.size() + ", " + betas.size());
        }
        int batch = y.shape()[1];
        List<Var> out = new ArrayList<>(layers);
        Var x = null;
        Var v = y;
        for (int k = 0; k < layers; k++) {
            Var bk = bs.size() == 1 ? bs.get(0) : bs.get(k);
            Var sigma = Ops.sqrt(Ops.mean(Ops.mul(v, v), 0)); // [B]
            Var theta = Ops.mul(alphas.get(k), sigma);
            Var bv = Ops.matmul(bk, v);
            Var r = x == null ? bv : Ops.add(x, bv);
            Var eta = Ops.softThreshold(r, theta);
            Var next = Ops.mul(betas.get(k), eta);
            out.add(next);
            if (k + 1 < layers) {
                Var onsager = Ops.mul(betas.get(k), Var.constant(nonzerosPerColumn(eta.value(), batch).mul(1.0 / rows)));
                v = Ops.add(Ops.sub(y, Ops.matmul(a, next)), Ops.mul(v, onsager));
            }
            x = next;
        }
        return out;
    }

    private static Tensor nonzerosPerColumn(Tensor x, int batch) {
        double[] count = new double[batch];
        double[] d = x.data();
        int o = x.offset();
        for (int i = 0; i < x.size(); i++) {
            if (d[o + i] != 0.0) {
                count[i % batch] += 1;
            }
        }
        return Tensor.wrap(count, batch);
    }

    @Override
    public Map<String, String> configuration() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("architecture", architecture());
        c.put("m", Integer.toString(m));
        c.put("n", Integer.toString(n));
        c.put("layers", Integer.toString(depth));
        c.put("tying", tying.name().toLowerCase(java.util.Locale.ROOT));
        return c;
    }

    @Override
    public String toString() {
        return "Lamp" + configuration();
    }
}
