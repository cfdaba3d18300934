package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;

/**
 * The product of a block-diagonal matrix with G blocks of size g×g, given as blocks [G, g, g], and
 * a matrix u [G·g, B]: {@code z[G·g + i, b] = Σ_j blocks[G, i, j]·u[G·g + j, b]}. Cost G·g²·B;
 * the VJP and JVP are products of the same kind.
 */
final class BlockDiagonalProduct extends Op {
    static final BlockDiagonalProduct INSTANCE = new BlockDiagonalProduct();

    private BlockDiagonalProduct() {
    }

    /** @return blockdiag(blocks)·u */
    static Var apply(Var blocks, Var u) {
        int[] bs = blocks.shape();
        int[] us = u.shape();
        if (bs.length != 3 || bs[1] != bs[2] || us.length != 2 || us[0] != bs[0] * bs[1]) {
            throw new ShapeMismatchException("blockDiagonalProduct", bs, us,
                    "blocks are [G, g, g] and u is [G·g, B]");
        }
        return INSTANCE.apply(new Var[]{blocks, u});
    }

    @Override
    public String name() {
        return "blockDiagonalProduct";
    }

    /** out += blockdiag(d)·u. */
    private static void multiplyAdd(Tensor d, Tensor u, double[] out) {
        int groups = d.dim(0);
        int g = d.dim(1);
        int cols = u.dim(1);
        double[] dd = d.data();
        double[] ud = u.data();
        for (int G = 0; G < groups; G++) {
            for (int i = 0; i < g; i++) {
                int orow = (G * g + i) * cols;
                for (int j = 0; j < g; j++) {
                    double c = dd[d.offset() + (G * g + i) * g + j];
                    if (c == 0) {
                        continue;
                    }
                    int urow = u.offset() + (G * g + j) * cols;
                    for (int b = 0; b < cols; b++) {
                        out[orow + b] += c * ud[urow + b];
                    }
                }
            }
        }
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] in) {
        Tensor out = Tensor.zeros(in[1].shape());
        multiplyAdd(in[0], in[1], out.data());
        return out;
    }

    @Override
    protected Tensor[] vjp(OpContext ctx, Tensor up) {
        Tensor d = ctx.input(0).value();
        Tensor u = ctx.input(1).value();
        int groups = d.dim(0);
        int g = d.dim(1);
        int cols = u.dim(1);
        double[] dd = d.data();
        double[] ud = u.data();
        double[] gd = up.data();
        Tensor gBlocks = ctx.needsGrad(0) ? Tensor.zeros(d.shape()) : null;
        Tensor gu = ctx.needsGrad(1) ? Tensor.zeros(u.shape()) : null;
        for (int G = 0; G < groups; G++) {
            for (int i = 0; i < g; i++) {
                int grow = up.offset() + (G * g + i) * cols;
                for (int j = 0; j < g; j++) {
                    int urow = (G * g + j) * cols;
                    if (gBlocks != null) {
                        double s = 0;
                        for (int b = 0; b < cols; b++) {
                            s += gd[grow + b] * ud[u.offset() + urow + b];
                        }
                        gBlocks.data()[(G * g + i) * g + j] = s;
                    }
                    if (gu != null) {
                        double c = dd[d.offset() + (G * g + i) * g + j];
                        double[] o = gu.data();
                        for (int b = 0; b < cols; b++) {
                            o[urow + b] += c * gd[grow + b];
                        }
                    }
                }
            }
        }
        return new Tensor[]{gBlocks, gu};
    }

    @Override
    protected Tensor jvp(OpContext ctx, Tensor[] t) {
        Tensor out = Tensor.zeros(ctx.output().shape());
        if (t[0] != null) {
            multiplyAdd(t[0], ctx.input(1).value(), out.data());
        }
        if (t[1] != null) {
            multiplyAdd(ctx.input(0).value(), t[1], out.data());
        }
        return out;
    }
}
