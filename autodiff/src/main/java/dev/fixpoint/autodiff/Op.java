package dev.fixpoint.autodiff;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;

/**
 * A differentiable operation: the public way to add an operation with its own derivative rules.
 * Built-in operations ({@link Ops}) are defined the same way; upper modules use it for linear
 * operators (VJP = adjoint), proximal maps, implicit layers and ODE adjoints.
 *
 * <p>Subclasses implement {@link #forward}, which computes the output from input values and may
 * save what the derivative needs in the {@link OpContext}, and one of the two VJP methods:
 * <ul>
 *   <li>{@link #vjp(OpContext, Tensor)} on tensors — simplest; the operation is then
 *       differentiable once (a second-order derivative through it, e.g. a Hessian-vector product,
 *       throws {@code [fixpoint/OnceDifferentiable]});</li>
 *   <li>{@link #vjp(OpContext, Var)} on variables, written with differentiable operations on
 *       {@link OpContext#input(int)}, {@link OpContext#output()} and the upstream cotangent — the
 *       operation is then differentiable to any order.</li>
 * </ul>
 * Optionally {@link #jvp} gives the forward-mode rule. Instances should be stateless (all
 * per-call state goes in the context) so that one instance serves every call; apply with
 * {@link #apply(Var...)}.
 *
 * <p>Shapes: {@code vjp} must return, for each input, a cotangent of exactly that input's shape
 * (or {@code null} when {@link OpContext#needsGrad(int)} is false); the tape checks this and names
 * the operation if it is violated.
 */
public abstract class Op {

    /** @return a short name used in error messages, e.g. {@code "matmul"} */
    public abstract String name();

    /**
     * Computes the output from the input values. Must not modify the inputs.
     *
     * @param ctx    where to save tensors for the VJP ({@link OpContext#save})
     * @param inputs the input values, in the order given to {@link #apply}
     * @return the output value (a new tensor or one the operation owns)
     */
    protected abstract Tensor forward(OpContext ctx, Tensor[] inputs);

    /**
     * Vector-Jacobian product on tensors: given the cotangent of the output, the cotangents of the
     * inputs. Runs with recording off. Override this or {@link #vjp(OpContext, Var)}.
     *
     * @param ctx      the context filled by {@link #forward}
     * @param upstream cotangent of the output (output's shape); must not be modified
     * @return one cotangent per input, {@code null} where not needed
     */
    protected Tensor[] vjp(OpContext ctx, Tensor upstream) {
        throw new UnsupportedOperationException("operation '" + name()
                + "' defines no VJP: override vjp(OpContext, Tensor) or vjp(OpContext, Var)");
    }

    /**
     * Vector-Jacobian product on variables. The default calls {@link #vjp(OpContext, Tensor)} and
     * wraps the results as constants, which makes the operation differentiable once. Override it with
     * differentiable operations to support higher-order derivatives.
     *
     * @param ctx      the context filled by {@link #forward}
     * @param upstream cotangent of the output
     * @return one cotangent per input, {@code null} where not needed
     */
    protected Var[] vjp(OpContext ctx, Var upstream) {
        // Recording on here means the backward pass is being recorded (createGraph): the tensor VJP
        // would cut the dependence of the cotangents on the inputs (and on the upstream), so the
        // second derivative would be silently wrong (often zero), even when the upstream is constant.
        if (upstream.requiresGrad() || NoGrad.recording()) {
            throw new FixpointException("OnceDifferentiable", "operation '" + name()
                    + "' has only a tensor VJP, so it cannot be differentiated twice (Hessian-vector products, "
                    + "createGraph); override vjp(OpContext, Var) with differentiable operations");
        }
        Tensor[] g = vjp(ctx, upstream.value());
        Var[] out = new Var[g.length];
        for (int i = 0; i < g.length; i++) {
            out[i] = g[i] == null ? null : Var.constant(g[i]);
        }
        return out;
    }

    /**
     * Jacobian-vector product (forward mode): the tangent of the output given tangents of the inputs.
     *
     * @param ctx      the context filled by {@link #forward}
     * @param tangents one tangent per input (input's shape), {@code null} for inputs with zero tangent
     * @return the output tangent (output's shape)
     */
    protected Tensor jvp(OpContext ctx, Tensor[] tangents) {
        throw new FixpointException("NoJvp", "operation '" + name() + "' defines no forward-mode rule (jvp)");
    }

    /**
     * Applies the operation: computes the output and, when recording and some input requires a
     * gradient, records it on the inputs' tape.
     *
     * @param inputs the inputs; those on a tape must all be on the same live tape
     * @return the output variable
     */
    public final Var apply(Var... inputs) {
        return Tape.apply(this, inputs);
    }

    @Override
    public String toString() {
        return name();
    }
}
