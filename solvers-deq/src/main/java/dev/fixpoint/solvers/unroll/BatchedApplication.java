package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.LinearOperator;
import java.util.Arrays;

/**
 * A linear operator (or its adjoint) applied to every sample of a batch, as an autodiff operation:
 * VJP = the other direction on every sample, JVP = the same direction; both linear, so the operation
 * is differentiable to any order. {@link LinearOperator#apply(Var)} takes one sample; this takes B.
 *
 * <p>Layouts: with {@code samplesFirst} the input is {@code [B, …]} holding B contiguous samples of
 * the input size and the output is {@code [B] ++ outSampleShape}; otherwise the input is
 * {@code [d, B]} (samples are columns, d = the input size) and the output is {@code [d_out, B]}.
 * Each sample is copied into a buffer of the operator's own shape, so any operator shapes work.
 */
final class BatchedApplication extends Op {
    private final LinearOperator op;
    private final boolean adjoint;
    private final boolean samplesFirst;
    private final int[] outSampleShape;

    /**
     * @param outSampleShape shape of one output sample with {@code samplesFirst} (size = the operator's
     *                       output size); ignored for columns
     */
    BatchedApplication(LinearOperator op, boolean adjoint, boolean samplesFirst, int[] outSampleShape) {
        this.op = op;
        this.adjoint = adjoint;
        this.samplesFirst = samplesFirst;
        this.outSampleShape = outSampleShape.clone();
    }

    /** @return {@code A x} (or {@code Aᵀ x}) for the samples of {@code x} */
    static Var apply(LinearOperator op, boolean adjoint, boolean samplesFirst, int[] outSampleShape, Var x) {
        return new BatchedApplication(op, adjoint, samplesFirst, outSampleShape).apply(x);
    }

    @Override
    public String name() {
        return "batched " + op.name() + (adjoint ? "ᵀ" : "");
    }

    private int inSize() {
        return adjoint ? op.rangeSize() : op.domainSize();
    }

    private int outSize() {
        return adjoint ? op.domainSize() : op.rangeSize();
    }

    private int batch(int[] s) {
        if (samplesFirst) {
            if (s.length < 1 || s[0] < 1 || (long) s[0] * inSize() != sizeOf(s)) {
                throw new ShapeMismatchException(name() + " input", s, adjoint ? op.rangeShape() : op.domainShape(),
                        "a batch [B, …] of B ≥ 1 samples, each with as many elements as the operator's "
                                + (adjoint ? "range" : "domain"));
            }
            return s[0];
        }
        if (s.length != 2 || s[0] != inSize() || s[1] < 1) {
            throw new ShapeMismatchException(name() + " input", s, new int[]{inSize(), -1},
                    "a batch [" + inSize() + ", B] with samples as columns");
        }
        return s[1];
    }

    private static long sizeOf(int[] s) {
        long n = 1;
        for (int d : s) {
            n *= d;
        }
        return n;
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] inputs) {
        Tensor x = inputs[0];
        ctx.saveState(x.shape());
        return run(x);
    }

    private Tensor run(Tensor x) {
        int b = batch(x.shape());
        int din = inSize();
        int dout = outSize();
        Tensor in = Tensor.zeros(adjoint ? op.rangeShape() : op.domainShape());
        Tensor out = Tensor.zeros(adjoint ? op.domainShape() : op.rangeShape());
        int[] shape;
        if (samplesFirst) {
            shape = new int[outSampleShape.length + 1];
            shape[0] = b;
            System.arraycopy(outSampleShape, 0, shape, 1, outSampleShape.length);
        } else {
            shape = new int[]{dout, b};
        }
        Tensor result = Tensor.zeros(shape);
        double[] xd = x.data();
        int xo = x.offset();
        double[] id = in.data();
        double[] od = out.data();
        double[] rd = result.data();
        for (int s = 0; s < b; s++) {
            if (samplesFirst) {
                System.arraycopy(xd, xo + s * din, id, 0, din);
            } else {
                for (int i = 0; i < din; i++) {
                    id[i] = xd[xo + i * b + s];
                }
            }
            if (adjoint) {
                op.adjointInto(in, out);
            } else {
                op.applyInto(in, out);
            }
            if (samplesFirst) {
                System.arraycopy(od, out.offset(), rd, s * dout, dout);
            } else {
                for (int i = 0; i < dout; i++) {
                    rd[i * b + s] = od[out.offset() + i];
                }
            }
        }
        return result;
    }

    @Override
    protected Var[] vjp(OpContext ctx, Var upstream) {
        int[] inShape = ctx.state();
        int[] sample = samplesFirst ? Arrays.copyOfRange(inShape, 1, inShape.length) : new int[0];
        return new Var[]{new BatchedApplication(op, !adjoint, samplesFirst, sample).apply(upstream)};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] tangents) {
        return run(tangents[0]);
    }
}
