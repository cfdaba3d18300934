package dev.fixpoint.autodiff;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Exact Hessian-vector products (and small dense Hessians) of scalar functions, by
 * reverse-over-reverse differentiation: the gradient is computed with
 * {@link Tape#gradients(Var, Tensor, Var[], boolean) createGraph = true}, so that the backward pass
 * is itself recorded, and a second backward sweep seeded with the direction {@code v} gives
 * {@code ∇(⟨∇f, v⟩) = H v}. No finite differences: the result is exact up to round-off.
 *
 * <p><b>Cost.</b> One HVP costs about as much as two to three gradient evaluations (the forward
 * pass, a recorded backward pass, and a backward pass through both), independent of the dimension;
 * memory holds the forward and the recorded backward graph. A dense Hessian of {@code n} inputs
 * costs one recording plus {@code n} backward sweeps, and is limited to
 * {@value Jacobians#MAX_ENTRIES} entries.
 *
 * <p><b>Requirements.</b> Every operation between the inputs and the output must be
 * differentiable twice: all {@link Ops} are; a custom {@link Op} that only overrides
 * {@link Op#vjp(OpContext, Tensor)} is differentiable once and makes these methods throw
 * {@code [fixpoint/OnceDifferentiable]} naming it (override {@link Op#vjp(OpContext, Var)} with
 * differentiable operations instead).
 *
 * <p><b>Shapes.</b> The output of the function must have one element (rank 0 or any shape of size
 * 1); directions have the shape of the input (or of each parameter); results have the same.
 * Inputs, directions and parameters are never modified, and {@link Parameter#grad()} is not touched.
 * Stateless.
 *
 * <pre>{@code
 * Tensor hv = Hessians.hvp(x -> Ops.sum(Ops.mul(Ops.tanh(x), Ops.tanh(x))), x0, v);   // v of x0's shape
 * Tensor h = Hessians.hessian(f, x0);                                                   // [n, n], small n
 * double[] hvFlat = Hessians.hvp(params, tape -> model.loss(tape, batch), direction);  // ParameterSet.flatten() layout
 * }</pre>
 */
public final class Hessians {
    private Hessians() {
    }

    /**
     * Value, gradient and Hessian-vector product of a scalar function at one point, from one
     * recording.
     *
     * @param value {@code f(x)}
     * @param grad  {@code ∇f(x)}, of {@code x}'s shape
     * @param hvp   {@code ∇²f(x) · v}, of {@code x}'s shape
     */
    public record ValueGradHvp(double value, Tensor grad, Tensor hvp) {
    }

    /**
     * Value, gradients and Hessian-vector product with respect to every parameter of a set.
     *
     * @param value the loss
     * @param grads one gradient per parameter, in the set's order (each of that parameter's shape)
     * @param hvps  one block of {@code H v} per parameter, in the set's order (each of that parameter's shape)
     */
    public record ParameterValueGradHvp(double value, Tensor[] grads, Tensor[] hvps) {
        /** @return the gradients concatenated in the set's order (the layout of {@link ParameterSet#flatten()}) */
        public double[] flatGrad() {
            return concat(grads);
        }

        /** @return the HVP concatenated in the set's order (the layout of {@link ParameterSet#flatten()}) */
        public double[] flatHvp() {
            return concat(hvps);
        }
    }

    // ------------------------------------------------------------------ one tensor input

    /**
     * The Hessian-vector product {@code ∇²f(x) · v}.
     *
     * @param f a scalar function written with twice-differentiable operations
     * @param x the point (not modified)
     * @param v the direction, of {@code x}'s shape (not modified)
     * @return {@code H v}, of {@code x}'s shape
     * @throws ShapeMismatchException if {@code v} does not have {@code x}'s shape (both are named)
     * @throws FixpointException {@code [fixpoint/NonScalarOutput]} if {@code f(x)} has more than one
     *         element; {@code [fixpoint/OnceDifferentiable]} through a once-differentiable custom op
     */
    public static Tensor hvp(Function<Var, Var> f, Tensor x, Tensor v) {
        return valueGradHvp(f, x, v).hvp();
    }

    /**
     * Value, gradient and Hessian-vector product from one recording of {@code f}: the gradient
     * comes for free with the HVP.
     *
     * @see #hvp(Function, Tensor, Tensor)
     */
    public static ValueGradHvp valueGradHvp(Function<Var, Var> f, Tensor x, Tensor v) {
        Objects.requireNonNull(f, "f");
        requireSameShape("hvp direction", v, x, "the direction must have the input's shape");
        try (Tape tape = new Tape()) {
            Var xv = tape.variable(x);
            Var y = scalarOutput("hvp", f.apply(xv));
            if (!y.requiresGrad()) {
                return new ValueGradHvp(y.item(), Tensor.zeros(x.shape()), Tensor.zeros(x.shape()));
            }
            Var g = tape.gradients(y, null, new Var[]{xv}, true)[0];
            return new ValueGradHvp(y.item(), g.value(), secondSweep(tape, g, v, xv));
        }
    }

    /**
     * The dense Hessian of a scalar function of {@code n} variables, as an {@code [n, n]} tensor
     * ({@code H[i, j] = ∂²f / ∂x_i ∂x_j}, elements of {@code x} in row-major order). One recording
     * of the gradient, then {@code n} backward sweeps (one HVP per row). Symmetric up to round-off
     * (it is not symmetrised).
     *
     * @throws FixpointException {@code [fixpoint/HessianTooLarge]} if {@code n² > }{@value Jacobians#MAX_ENTRIES}
     */
    public static Tensor hessian(Function<Var, Var> f, Tensor x) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(x, "x");
        int n = x.size();
        Jacobians.requireDenseSize("hessian", n, n, "Hessian",
                "use Hessian-vector products (Hessians.hvp) instead of forming the matrix");
        Tensor h = Tensor.zeros(n, n);
        try (Tape tape = new Tape()) {
            Var xv = tape.variable(x);
            Var y = scalarOutput("hessian", f.apply(xv));
            if (!y.requiresGrad()) {
                return h;
            }
            Var g = tape.gradients(y, null, new Var[]{xv}, true)[0];
            if (!g.requiresGrad() || g.tape() != tape) {
                return h; // the gradient is constant: f is affine in x
            }
            Var[] wrt = {xv};
            Tensor e = Tensor.zeros(x.shape());
            double[] ed = e.data();
            double[] out = h.data();
            for (int i = 0; i < n; i++) {
                ed[i] = 1.0;
                Tensor row = tape.gradients(g, e, wrt, false)[0].value();   // (∂g/∂x)ᵀ eᵢ = H eᵢ
                System.arraycopy(row.data(), row.offset(), out, i * n, n);
                ed[i] = 0.0;
            }
        }
        return h;
    }

    // ------------------------------------------------------------------ parameter sets

    /**
     * The Hessian-vector product of a loss with respect to all parameters of a set, the direction
     * given per parameter.
     *
     * @param params    the parameters (not modified; their gradients are not touched)
     * @param loss      builds the scalar loss on the given tape, obtaining each parameter's variable
     *                  with {@link Tape#watch(Parameter)} (a parameter may be watched more than once;
     *                  parameters of the set that are not watched have zero derivatives, watched
     *                  parameters outside the set are held constant)
     * @param direction one tensor per parameter, in the set's order, each of that parameter's shape
     * @return {@code H v}, one block per parameter in the set's order
     */
    public static Tensor[] hvp(ParameterSet params, Function<Tape, Var> loss, Tensor[] direction) {
        return valueGradHvp(params, loss, direction).hvps();
    }

    /**
     * As {@link #hvp(ParameterSet, Function, Tensor[])} with the direction and the result as flat
     * vectors in the layout of {@link ParameterSet#flatten()} (length {@link ParameterSet#size()}).
     */
    public static double[] hvp(ParameterSet params, Function<Tape, Var> loss, double[] direction) {
        return valueGradHvp(params, loss, split(params, direction)).flatHvp();
    }

    /**
     * Value, per-parameter gradients and Hessian-vector product of a loss from one recording.
     *
     * @see #hvp(ParameterSet, Function, Tensor[])
     */
    public static ParameterValueGradHvp valueGradHvp(ParameterSet params, Function<Tape, Var> loss,
                                                     Tensor[] direction) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(loss, "loss");
        List<Parameter> ps = params.list();
        if (ps.isEmpty()) {
            throw new IllegalArgumentException("hvp: the parameter set is empty");
        }
        if (direction.length != ps.size()) {
            throw new ShapeMismatchException("hvp: a direction of " + direction.length + " tensors for "
                    + ps.size() + " parameters " + names(ps) + "; give one tensor per parameter, in the set's order");
        }
        for (int k = 0; k < ps.size(); k++) {
            requireSameShape("hvp direction for parameter '" + ps.get(k).name() + "'", direction[k],
                    ps.get(k).value(), "the direction must have the parameter's shape");
        }
        Tensor[] grads = new Tensor[ps.size()];
        Tensor[] hvps = new Tensor[ps.size()];
        try (Tape tape = new Tape()) {
            Var y = scalarOutput("hvp", loss.apply(tape));
            if (!y.requiresGrad() || y.tape() != tape) {
                for (int k = 0; k < ps.size(); k++) {
                    grads[k] = Tensor.zeros(ps.get(k).value().shape());
                    hvps[k] = Tensor.zeros(ps.get(k).value().shape());
                }
                return new ParameterValueGradHvp(y.item(), grads, hvps);
            }
            Map<Parameter, List<Var>> watched = watchedVariables(tape, y, ps);
            List<Var> wrtList = new ArrayList<>();
            List<Parameter> owner = new ArrayList<>();
            watched.forEach((p, vars) -> vars.forEach(v -> {
                wrtList.add(v);
                owner.add(p);
            }));
            Var[] wrt = wrtList.toArray(new Var[0]);
            Var[] g = wrt.length == 0 ? new Var[0] : tape.gradients(y, null, wrt, true);
            // s = Σ ⟨∂y/∂(watched variable), direction of its parameter⟩, as a differentiable scalar
            Map<Parameter, Tensor> directionOf = new IdentityHashMap<>();
            for (int k = 0; k < ps.size(); k++) {
                directionOf.put(ps.get(k), direction[k]);
            }
            Var s = null;
            for (int i = 0; i < wrt.length; i++) {
                if (g[i].requiresGrad() && g[i].tape() == tape) {
                    Var term = Ops.sum(Ops.mul(g[i], Var.constant(directionOf.get(owner.get(i)))));
                    s = s == null ? term : Ops.add(s, term);
                }
            }
            Var[] h = s == null || !s.requiresGrad() ? null : tape.gradients(s, null, wrt, false);
            for (int k = 0; k < ps.size(); k++) {
                Parameter p = ps.get(k);
                Tensor gk = Tensor.zeros(p.value().shape());
                Tensor hk = Tensor.zeros(p.value().shape());
                for (int i = 0; i < wrt.length; i++) {
                    if (owner.get(i) == p) {
                        gk.addInto(g[i].value(), gk);
                        if (h != null) {
                            hk.addInto(h[i].value(), hk);
                        }
                    }
                }
                grads[k] = gk;
                hvps[k] = hk;
            }
            return new ParameterValueGradHvp(y.item(), grads, hvps);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** {@code (∂g/∂x)ᵀ v} for a recorded gradient {@code g}: equals {@code H v} since H is symmetric. */
    private static Tensor secondSweep(Tape tape, Var g, Tensor v, Var xv) {
        if (!g.requiresGrad() || g.tape() != tape) {
            return Tensor.zeros(xv.shape()); // constant gradient: f is affine in x
        }
        return tape.gradients(g, v, new Var[]{xv}, false)[0].value();
    }

    /**
     * The variables of {@code tape} bound to parameters of the set that are used by a recorded
     * operation (watched but unused variables have zero derivatives), grouped by parameter.
     */
    private static Map<Parameter, List<Var>> watchedVariables(Tape tape, Var y, List<Parameter> ps) {
        Map<Parameter, Boolean> inSet = new IdentityHashMap<>();
        ps.forEach(p -> inSet.put(p, Boolean.TRUE));
        Map<Parameter, List<Var>> out = new LinkedHashMap<>();
        Map<Var, Boolean> seen = new IdentityHashMap<>();
        if (y.parameter != null && inSet.containsKey(y.parameter)) {
            seen.put(y, Boolean.TRUE);
            out.computeIfAbsent(y.parameter, p -> new ArrayList<>()).add(y);
        }
        for (OpContext node : tape.recorded()) {
            for (Var in : node.inputs) {
                if (in.parameter != null && in.tape == tape && inSet.containsKey(in.parameter)
                        && seen.put(in, Boolean.TRUE) == null) {
                    out.computeIfAbsent(in.parameter, p -> new ArrayList<>()).add(in);
                }
            }
        }
        return out;
    }

    private static Var scalarOutput(String where, Var y) {
        if (y == null) {
            throw new IllegalArgumentException(where + ": the function returned null");
        }
        if (y.size() != 1) {
            throw new FixpointException("NonScalarOutput", where + ": the function returned shape "
                    + Arrays.toString(y.shape()) + "; Hessian-vector products need a scalar (one-element) output, "
                    + "e.g. reduce it with Ops.sum");
        }
        return y;
    }

    private static void requireSameShape(String what, Tensor v, Tensor x, String rule) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(v, what);
        if (!Arrays.equals(v.shape(), x.shape())) {
            throw new ShapeMismatchException(what, v.shape(), x.shape(), rule);
        }
    }

    private static Tensor[] split(ParameterSet params, double[] flat) {
        Objects.requireNonNull(flat, "direction");
        if (flat.length != params.size()) {
            throw new ShapeMismatchException("hvp: a flat direction of " + flat.length + " values for a parameter set of "
                    + params.size() + " elements " + names(params.list()) + " (the layout of ParameterSet.flatten())");
        }
        List<Parameter> ps = params.list();
        Tensor[] out = new Tensor[ps.size()];
        int pos = 0;
        for (int k = 0; k < ps.size(); k++) {
            int[] shape = ps.get(k).value().shape();
            out[k] = Tensor.of(Arrays.copyOfRange(flat, pos, pos + ps.get(k).size()), shape);
            pos += ps.get(k).size();
        }
        return out;
    }

    private static double[] concat(Tensor[] parts) {
        int n = 0;
        for (Tensor t : parts) {
            n += t.size();
        }
        double[] out = new double[n];
        int pos = 0;
        for (Tensor t : parts) {
            System.arraycopy(t.data(), t.offset(), out, pos, t.size());
            pos += t.size();
        }
        return out;
    }

    private static String names(List<Parameter> ps) {
        List<String> names = new ArrayList<>();
        for (Parameter p : ps) {
            names.add(p.name() + Arrays.toString(p.value().shape()));
        }
        return names.toString();
    }
}
