package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * Selection of elements by row-major flat index ({@code gather}) and its adjoint, scattering with
 * addition ({@code scatterAdd}). Both are linear and each is the other's VJP, so everything built on
 * them (max, max along an axis, masked selection) is differentiable to any order.
 *
 * <p>The index arrays are owned by the operations once passed in (not copied, never modified).
 */
public final class Indexing {
    private Indexing() {
    }

    /**
     * @param x     any shape
     * @param index flat row-major indices into {@code x}, each in {@code [0, x.size())}; repeats allowed
     * @param shape the output shape; its size must equal {@code index.length}
     * @return {@code out[i] = x[index[i]]} with the given shape
     */
    public static Var gather(Var x, int[] index, int[] shape) {
        int n = x.size();
        for (int i : index) {
            if (i < 0 || i >= n) {
                throw new IndexOutOfBoundsException("gather: index " + i + " is outside a tensor of shape "
                        + Arrays.toString(x.shape()) + " (" + n + " elements)");
            }
        }
        return new Gather(index, shape.clone()).apply(x);
    }

    /**
     * @param x    any shape
     * @param mask of {@code x}'s shape; nonzero entries select
     * @return the selected elements of {@code x} in row-major order, as a vector {@code [count]}
     */
    public static Var maskedSelect(Var x, Tensor mask) {
        if (!Arrays.equals(mask.shape(), x.shape())) {
            throw new ShapeMismatchException("maskedSelect", x.shape(), mask.shape(), "the mask must have x's shape");
        }
        double[] m = mask.data();
        int off = mask.offset();
        int n = mask.size();
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (m[off + i] != 0) {
                count++;
            }
        }
        int[] index = new int[count];
        for (int i = 0, j = 0; i < n; i++) {
            if (m[off + i] != 0) {
                index[j++] = i;
            }
        }
        return new Gather(index, new int[]{count}).apply(x);
    }

    /**
     * @param x    any shape
     * @param mask flat row-major mask of length {@code x.size()}
     * @return the selected elements as a vector
     */
    public static Var maskedSelect(Var x, boolean[] mask) {
        if (mask.length != x.size()) {
            throw new ShapeMismatchException("maskedSelect", x.shape(), new int[]{mask.length},
                    "a flat boolean mask needs one entry per element of x");
        }
        double[] m = new double[mask.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = mask[i] ? 1.0 : 0.0;
        }
        return maskedSelect(x, Tensor.wrap(m, x.shape()));
    }

    static Tensor gather(Tensor x, int[] index, int[] shape) {
        Tensor out = Tensor.zeros(shape);
        double[] o = out.data();
        double[] d = x.data();
        int off = x.offset();
        for (int i = 0; i < index.length; i++) {
            o[i] = d[off + index[i]];
        }
        return out;
    }

    static Tensor scatterAdd(Tensor g, int[] index, int[] shape) {
        Tensor out = Tensor.zeros(shape);
        double[] o = out.data();
        double[] d = g.data();
        int off = g.offset();
        for (int i = 0; i < index.length; i++) {
            o[index[i]] += d[off + i];
        }
        return out;
    }

    /** {@code out[i] = x[index[i]]}. */
    private static final class Gather extends Op {
        private final int[] index;
        private final int[] shape;

        Gather(int[] index, int[] shape) {
            if (index.length != Arrays.stream(shape).reduce(1, (a, b) -> a * b)) {
                throw new ShapeMismatchException("gather: " + index.length + " indices for output shape "
                        + Arrays.toString(shape));
            }
            this.index = index;
            this.shape = shape;
        }

        @Override
        public String name() {
            return "gather";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return gather(in[0], index, shape);
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var g) {
            return new Var[]{new ScatterAdd(index, ctx.input(0).shape()).apply(g)};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            return gather(t[0], index, shape);
        }
    }

    /** {@code out = zeros(shape); out[index[i]] += g[i]} — the adjoint of {@link Gather}. */
    private static final class ScatterAdd extends Op {
        private final int[] index;
        private final int[] shape;

        ScatterAdd(int[] index, int[] shape) {
            this.index = index;
            this.shape = shape;
        }

        @Override
        public String name() {
            return "scatterAdd";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            return scatterAdd(in[0], index, shape);
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var g) {
            return new Var[]{new Gather(index, ctx.input(0).shape()).apply(g)};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            return scatterAdd(t[0], index, shape);
        }
    }
}
