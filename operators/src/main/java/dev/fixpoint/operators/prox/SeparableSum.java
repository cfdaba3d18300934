package dev.fixpoint.operators.prox;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.operators.ProximalFunction;
import java.util.Arrays;

/**
 * The separable sum {@code f(x) = Σₖ fₖ(x_k)} over consecutive blocks of a flat vector
 * {@code x = (x_1, …, x_K)} (inputs of shape {@code [Σ size_k]}). Block {@code k} is handed to
 * {@code fₖ} as a view of shape {@code blockShapes[k]} (a vector {@code [size_k]} unless given
 * otherwise, e.g. {@code [m, n]} for a nuclear-norm block), so every {@code fₖ} sees the shape it
 * expects.
 *
 * <p>Prox: blockwise, {@code prox_{τf}(v)_k = prox_{τfₖ}(v_k)}. Conjugate:
 * {@code f*(y) = Σₖ fₖ*(y_k)} (closed form when every part has one). Indicator when every part is one.
 */
public final class SeparableSum extends ProximalFunction {
    private final int[][] blockShapes;
    private final int[] offsets;
    private final ProximalFunction[] parts;
    private final int size;

    SeparableSum(int[][] blockShapes, ProximalFunction[] parts) {
        if (blockShapes.length != parts.length || parts.length == 0) {
            throw new FixpointException("BadParameter", "separable: " + blockShapes.length + " blocks for "
                    + parts.length + " functions; give one function per block (at least one)");
        }
        this.blockShapes = new int[parts.length][];
        this.offsets = new int[parts.length + 1];
        for (int k = 0; k < parts.length; k++) {
            if (parts[k] == null) {
                throw new FixpointException("BadParameter", "separable: function of block " + k + " is null");
            }
            int[] s = blockShapes[k].clone();
            int blockSize = 1;
            for (int d : s) {
                if (d <= 0) {
                    throw new FixpointException("BadParameter", "separable: block " + k + " has shape "
                            + Arrays.toString(s) + "; dimensions must be ≥ 1");
                }
                blockSize = Math.multiplyExact(blockSize, d);
            }
            this.blockShapes[k] = s;
            offsets[k + 1] = offsets[k] + blockSize;
        }
        this.parts = parts.clone();
        this.size = offsets[parts.length];
    }

    /** @return the number of blocks */
    public int blockCount() {
        return parts.length;
    }

    /** @return the function of block {@code k} */
    public ProximalFunction part(int k) {
        return parts[k];
    }

    /** @return the shape of block {@code k} (a copy) */
    public int[] blockShape(int k) {
        return blockShapes[k].clone();
    }

    @Override
    public String name() {
        StringBuilder sb = new StringBuilder("separable(");
        for (int k = 0; k < parts.length; k++) {
            sb.append(k == 0 ? "" : " ⊕ ").append(parts[k].name());
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean isIndicator() {
        for (ProximalFunction f : parts) {
            if (!f.isIndicator()) {
                return false;
            }
        }
        return true;
    }

    private Tensor block(Tensor x, int k) {
        return x.rows(offsets[k], offsets[k + 1]).reshape(blockShapes[k]);
    }

    private void checkShape(Tensor x, String op) {
        if (x.rank() != 1 || x.dim(0) != size) {
            throw new ShapeMismatchException(name() + "." + op, x.shape(), new int[]{size},
                    "inputs are flat vectors of the concatenated blocks, length " + size);
        }
    }

    @Override
    public double value(Tensor x) {
        checkShape(x, "value");
        double s = 0;
        for (int k = 0; k < parts.length; k++) {
            s += parts[k].value(block(x, k));
        }
        return s;
    }

    @Override
    protected void computeProx(Tensor v, double tau, Tensor out) {
        checkShape(v, "prox");
        for (int k = 0; k < parts.length; k++) {
            parts[k].proxInto(block(v, k), tau, block(out, k));
        }
    }

    @Override
    public double conjugateValue(Tensor y) {
        checkShape(y, "conjugateValue");
        double s = 0;
        for (int k = 0; k < parts.length; k++) {
            s += parts[k].conjugateValue(block(y, k));
        }
        return s;
    }
}
