/**
 * Reverse- and forward-mode automatic differentiation over {@link dev.fixpoint.core.Tensor}s.
 *
 * <p><b>Reverse mode</b> is define-by-run: operations ({@link dev.fixpoint.autodiff.Ops}) on
 * {@link dev.fixpoint.autodiff.Var}s of a {@link dev.fixpoint.autodiff.Tape} are recorded;
 * {@link dev.fixpoint.autodiff.Tape#backward(Var)} propagates cotangents in reverse and releases the
 * tape. Trainable tensors are {@link dev.fixpoint.autodiff.Parameter}s grouped in a
 * {@link dev.fixpoint.autodiff.ParameterSet}; {@link dev.fixpoint.autodiff.NoGrad} turns recording
 * off. {@link dev.fixpoint.autodiff.Autodiff} has the functional forms ({@code grad},
 * {@code valueAndGrad}, {@code vjp}).
 *
 * <p><b>Adding an operation.</b> Subclass {@link dev.fixpoint.autodiff.Op}: compute the output in
 * {@code forward}, saving what the derivative needs, and give the vector-Jacobian product. For
 * example, a linear operator {@code y = A x} whose VJP is the adjoint {@code Aᵀ g}:
 *
 * <pre>{@code
 * final class ApplyOperator extends Op {
 *     private final Tensor a;                        // the matrix, a constant of the operation
 *     ApplyOperator(Tensor a) { this.a = a; }
 *     public String name() { return "A·x"; }
 *     protected Tensor forward(OpContext ctx, Tensor[] in) {
 *         return a.matvec(in[0]);
 *     }
 *     protected Tensor[] vjp(OpContext ctx, Tensor g) {   // Aᵀ g
 *         return new Tensor[]{Tensor.matvecInto(1.0, a, true, g, 0.0, null)};
 *     }
 *     protected Tensor jvp(OpContext ctx, Tensor[] t) {   // optional: forward mode, A ẋ
 *         return a.matvec(t[0]);
 *     }
 * }
 * Var y = new ApplyOperator(a).apply(x);
 * }</pre>
 *
 * A VJP on tensors makes the operation differentiable once: a second derivative through it
 * (Hessian-vector products, {@code createGraph}) throws {@code [fixpoint/OnceDifferentiable]}. To allow
 * them, write the VJP on {@code Var}s with differentiable operations instead:
 *
 * <pre>{@code
 *     protected Var[] vjp(OpContext ctx, Var g) {         // Aᵀ g with differentiable operations
 *         Var column = Ops.reshape(g, -1, 1);
 *         return new Var[]{Ops.reshape(Ops.matmul(Var.constant(a), true, column, false), -1)};
 *     }
 * }</pre>
 *
 * Cotangents must have exactly their input's shape; the tape checks this.
 *
 * <p><b>Higher order and forward mode.</b> {@link dev.fixpoint.autodiff.ForwardMode} gives
 * Jacobian-vector products; {@link dev.fixpoint.autodiff.Hessians} exact Hessian-vector products
 * (reverse over reverse) and small dense Hessians; {@link dev.fixpoint.autodiff.Jacobians} small
 * dense Jacobians in reverse or forward mode.
 */
package dev.fixpoint.autodiff;
