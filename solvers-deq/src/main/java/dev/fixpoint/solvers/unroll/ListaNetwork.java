package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.linalg.LinearAlgebra;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the LISTA family shares: the measurement matrix A [m, n], the depth, the parameters and their
 * partition into layers, the configuration, input validation and parameter binding. Subclasses
 * implement {@link #run}, the layer recursion, in terms of a binding from parameters to variables.
 *
 * <p>The binding lets the same recursion serve training (parameters watched on a tape), inference
 * (constants), stage-wise training with frozen layers ({@link #forward(Tape, Var, int, Predicate)})
 * and finite-difference checks (parameters replaced by arbitrary variables, see {@link #run}).
 * Per-layer parameters are named {@code role.k} (e.g. {@code theta.3}); tied ones have no suffix.
 */
abstract class ListaNetwork implements LayerwiseTrainable {
    final Tensor a;
    final int m;
    final int n;
    private final String architecture;
    private final int depth;
    private final ParameterSet parameters = new ParameterSet();
    private final List<ParameterSet> byLayer = new ArrayList<>();
    private final Map<String, String> configuration = new TreeMap<>();

    /**
     * @param architecture the stable architecture name
     * @param a            the measurement matrix [m, n] (finite; kept, not copied; must not be modified)
     * @param depth        the number of layers, ≥ 1
     */
    ListaNetwork(String architecture, Tensor a, int depth) {
        if (a == null || a.rank() != 2 || a.dim(0) < 1 || a.dim(1) < 1) {
            throw new ShapeMismatchException(architecture + ": the measurement matrix must be [m, n] with m, n ≥ 1, got shape "
                    + (a == null ? "null" : Arrays.toString(a.shape())));
        }
        a.requireFinite(architecture + ": measurement matrix A");
        if (depth < 1) {
            throw new FixpointException("InvalidParameter", architecture + ": the number of layers must be >= 1, got " + depth);
        }
        this.architecture = architecture;
        this.a = a;
        this.m = a.dim(0);
        this.n = a.dim(1);
        this.depth = depth;
        for (int k = 0; k < depth; k++) {
            byLayer.add(new ParameterSet());
        }
        configuration.put("architecture", architecture);
        configuration.put("m", Integer.toString(m));
        configuration.put("n", Integer.toString(n));
        configuration.put("layers", Integer.toString(depth));
        configuration.put("matrix", fingerprint(a));
    }

    /** Adds a parameter first used by {@code layer}. */
    final Parameter add(int layer, String name, Tensor value) {
        Parameter p = parameters.add(name, value);
        byLayer.get(layer).add(p);
        return p;
    }

    /** Adds an architecture-defining setting to the configuration. */
    final void configure(String key, String value) {
        configuration.put(key, value);
    }

    @Override
    public final String architecture() {
        return architecture;
    }

    @Override
    public final int depth() {
        return depth;
    }

    @Override
    public final ParameterSet parameters() {
        return parameters;
    }

    @Override
    public final ParameterSet layerParameters(int layer) {
        if (layer < 0 || layer >= depth) {
            throw new IndexOutOfBoundsException("[fixpoint/InvalidParameter] layer " + layer + " of a " + depth
                    + "-layer network; accepted: 0 … " + (depth - 1));
        }
        return byLayer.get(layer);
    }

    @Override
    public final Map<String, String> configuration() {
        return Collections.unmodifiableMap(configuration);
    }

    /** @return the measurement matrix A [m, n] (shared; do not modify) */
    public final Tensor matrix() {
        return a;
    }

    /**
     * Runs the first {@code layers} layers from x₀ = 0.
     *
     * @param y [m, B] measurements, one sample per column; must be finite
     * @return x₁ … x_layers, each [n, B]
     * @throws FixpointException {@code [fixpoint/NonFinite]} if y holds NaN or ±Inf (naming the element)
     */
    @Override
    public final List<Var> forward(Tape tape, Var y, int layers) {
        return forward(tape, y, layers, p -> true);
    }

    @Override
    public final List<Var> forward(Tape tape, Var y, int layers, Predicate<Parameter> recorded) {
        checkInput(y, layers);
        Map<Parameter, Var> bound = new IdentityHashMap<>();
        Function<Parameter, Var> bind = p -> bound.computeIfAbsent(p,
                q -> tape != null && recorded.test(q) ? tape.watch(q) : Var.constant(q.value()));
        return run(bind, y, layers);
    }

    @Override
    public final void initialiseLayer(int layer, int source) {
        ParameterSet from = layerParameters(source);
        for (Parameter p : layerParameters(layer)) {
            int dot = p.name().lastIndexOf('.');
            if (dot < 0) {
                continue;
            }
            String counterpart = p.name().substring(0, dot + 1) + source;
            for (Parameter q : from) {
                if (q.name().equals(counterpart) && q.value().sameShape(p.value())) {
                    p.value().assign(q.value());
                }
            }
        }
    }

    private void checkInput(Var y, int layers) {
        if (y.shape().length != 2 || y.shape()[0] != m) {
            throw new ShapeMismatchException(architecture + " input y", y.shape(), new int[]{m, -1},
                    "y is [m, B] = [" + m + ", B], one measurement vector per column");
        }
        if (layers < 1 || layers > depth) {
            throw new FixpointException("InvalidParameter", architecture + ": cannot run " + layers + " layers of a "
                    + depth + "-layer network; accepted: 1 … " + depth);
        }
        y.value().requireFinite(architecture + ": measurements y");
    }

    /**
     * The layer recursion from x₀ = 0.
     *
     * @param bind   maps each parameter to the variable that stands for it (called once per parameter use)
     * @param y      [m, B], validated
     * @param layers 1 ≤ layers ≤ depth
     * @return x₁ … x_layers, each [n, B]
     */
    abstract List<Var> run(Function<Parameter, Var> bind, Var y, int layers);

    /** @return the largest eigenvalue of AᵀA, i.e. ‖A‖₂² (the Lipschitz constant of ∇½‖Ax − y‖²) */
    static double lipschitz(Tensor a) {
        boolean wide = a.dim(0) <= a.dim(1);
        Tensor gram = wide ? Tensor.matmul(a, false, a, true) : Tensor.matmul(a, true, a, false);
        Tensor eig = LinearAlgebra.current().eigh(gram).values();
        return eig.max();
    }

    /** @return a 16-hex-digit hash of the shape and every bit of the values (identifies A in configurations) */
    static String fingerprint(Tensor t) {
        long h = 0x9E3779B97F4A7C15L;
        for (int s : t.shape()) {
            h = mix(h ^ s);
        }
        double[] d = t.data();
        for (int i = 0; i < t.size(); i++) {
            h = mix(h ^ Double.doubleToLongBits(d[t.offset() + i]));
        }
        return String.format("%016x", h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Checks a constructor argument that must be finite and ≥ 0. */
    static double nonNegative(String architecture, String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new FixpointException("InvalidParameter", architecture + ": " + what + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    /** @return a configuration text for a number, stable across runs */
    static String text(double v) {
        return Double.toString(v);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + new LinkedHashMap<>(configuration);
    }
}
