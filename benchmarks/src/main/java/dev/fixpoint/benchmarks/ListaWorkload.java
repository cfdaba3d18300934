package dev.fixpoint.benchmarks;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.Transpose;
import java.util.SplittableRandom;

/**
 * The LISTA workload of issue 3: {@value #LAYERS} untied layers
 * {@code xᵏ = soft(W1ᵏ·y + W2ᵏ·xᵏ⁻¹, θᵏ)} with {@code x⁰ = 0}, {@code W1ᵏ: n×m}, {@code W2ᵏ: n×n},
 * scalar thresholds {@code θᵏ}, a batch of {@code B} columns, and the squared-error loss
 * {@code ‖x¹⁶ − x*‖² / (n·B)}. Sizes m = 250, n = 500, B = 256, double precision.
 *
 * <p>Per forward pass the matrix products cost 16·(2nmB + 2n²B) ≈ 3.07 GFLOP. The backward pass
 * needs dW1 = G·yᵀ and dW2 = G·xᵀ for every layer and dx = W2ᵀ·G for layers 2–16 (x⁰ is a
 * constant), ≈ 4.99 GFLOP; so by flop count forward+backward ≈ 2.62 × forward.
 */
final class ListaWorkload {
    static final int LAYERS = 16;
    final int m;
    final int n;
    final int batch;
    final ParameterSet parameters = new ParameterSet();
    final Parameter[] w1 = new Parameter[LAYERS];
    final Parameter[] w2 = new Parameter[LAYERS];
    final Parameter[] theta = new Parameter[LAYERS];
    final Tensor y;
    final Tensor target;

    ListaWorkload(int m, int n, int batch, long seed) {
        this.m = m;
        this.n = n;
        this.batch = batch;
        SplittableRandom rng = new SplittableRandom(seed);
        for (int k = 0; k < LAYERS; k++) {
            w1[k] = parameters.add("W1." + k, Tensor.randn(rng, n, m).mul(1.0 / Math.sqrt(m)));
            w2[k] = parameters.add("W2." + k, Tensor.randn(rng, n, n).mul(0.5 / Math.sqrt(n)));
            theta[k] = parameters.add("theta." + k, Tensor.scalar(0.05));
        }
        y = Tensor.randn(rng, m, batch);
        target = Tensor.randn(rng, n, batch).map(v -> Math.abs(v) > 1.5 ? v : 0.0); // sparse codes
    }

    /** Forward pass on a tape (parameters watched); returns the loss. */
    Var loss(Tape tape) {
        Var yv = Var.constant(y);
        Var x = Var.constant(Tensor.zeros(n, batch));
        for (int k = 0; k < LAYERS; k++) {
            Var z = Ops.add(Ops.matmul(tape.watch(w1[k]), yv), Ops.matmul(tape.watch(w2[k]), x));
            x = Ops.softThreshold(z, tape.watch(theta[k]));
        }
        Var d = Ops.sub(x, Var.constant(target));
        return Ops.scale(Ops.sum(Ops.mul(d, d)), 1.0 / ((double) n * batch));
    }

    /**
     * The same 32 matrix products called directly on the backend on raw arrays (no framework, no
     * thresholding): the reference for the framework's forward overhead.
     *
     * @param buffers two arrays of n·B doubles; {@code buffers[1]} must hold zeros (x⁰) on entry
     */
    double rawMatmuls(LinearAlgebraBackend b, double[][] buffers) {
        // row-major C (n×B) = A (n×k) · X (k×B) is column-major Cᵀ = Xᵀ·Aᵀ (see Tensor.matmulInto)
        java.util.Arrays.fill(buffers[1], 0.0);
        for (int k = 0; k < LAYERS; k++) {
            double[] out = buffers[k % 2];
            double[] in = buffers[(k + 1) % 2];
            b.gemm(Transpose.NO, Transpose.NO, batch, n, m, 1.0, y.data(), 0, batch, w1[k].value().data(), 0, m,
                    0.0, out, 0, batch);
            b.gemm(Transpose.NO, Transpose.NO, batch, n, n, 1.0, in, 0, batch, w2[k].value().data(), 0, n,
                    1.0, out, 0, batch);
        }
        return buffers[(LAYERS - 1) % 2][0];
    }
}
