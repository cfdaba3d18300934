/**
 * Implementations of the built-in operations behind {@link dev.fixpoint.autodiff.Ops} and their
 * kernels. Not API: other modules use {@code Ops} or subclass {@link dev.fixpoint.autodiff.Op}.
 *
 * <p>Grouped by theme: arithmetic with NumPy broadcasting ({@code Broadcast}, {@code BinaryArithmetic},
 * {@code SumTo}, {@code BroadcastTo}, {@code Scale}); shapes ({@code Reshape}, {@code ShapeOps}:
 * transpose, slice, concat, stack); selection ({@code Indexing}: gather/scatter, masked selection);
 * reductions ({@code SumAll}, {@code Reductions}: sum/mean/max along axes); products ({@code MatMul},
 * {@code Products}: dot, matvec) and {@code Norms}; elementwise functions ({@code Elementwise},
 * {@code UnaryMath}, {@code Power}); proximal maps ({@code Shrinkage}: soft thresholding, clamp);
 * {@code Convolution2d} (im2col + gemm); {@code Losses} (mse, log-softmax, cross-entropy).
 *
 * <p>Every VJP is written with differentiable operations, so every operation can be differentiated
 * again (Hessian-vector products). Where a fused tensor kernel is much cheaper (soft thresholding,
 * cross-entropy), the VJP uses it when the backward pass is not being recorded
 * ({@link dev.fixpoint.autodiff.NoGrad#recording()} is false) and the differentiable form otherwise.
 */
package dev.fixpoint.autodiff.internal;
