package dev.fixpoint.operators;

import dev.fixpoint.core.Tensor;

/**
 * The discrete gradient of an image {@code x} of shape {@code [h, w]} by forward differences with
 * Neumann boundary (Chambolle 2004), unit spacing. Range {@code [2, h, w]}:
 * <ul>
 *   <li>component 0, vertical (along axis 0, between rows):
 *       {@code g[0,i,j] = x[i+1,j] - x[i,j]} for {@code i < h-1}, 0 on the last row;</li>
 *   <li>component 1, horizontal (along axis 1, between columns):
 *       {@code g[1,i,j] = x[i,j+1] - x[i,j]} for {@code j < w-1}, 0 on the last column.</li>
 * </ul>
 * The adjoint is {@code −div}, with Chambolle's discrete divergence
 * {@code (div p)[i,j] = (p0[i,j] − p0[i-1,j]) + (p1[i,j] − p1[i,j-1])}, where {@code p0[-1,·]},
 * {@code p0[h-1,·]}, {@code p1[·,-1]} and {@code p1[·,w-1]} count as 0. The squared norm is
 * {@code 4 sin²(π(h-1)/2h) + 4 sin²(π(w-1)/2w) < 8}.
 */
final class Gradient2d extends LinearOperator {
    private final int h;
    private final int w;

    Gradient2d(int h, int w) {
        super(new int[]{OperatorShapes.atLeast("Gradient2d", "h", h, 1), OperatorShapes.atLeast("Gradient2d", "w", w, 1)},
                new int[]{2, h, w});
        OperatorShapes.valid("Gradient2d", new int[]{2, h, w});
        this.h = h;
        this.w = w;
    }

    @Override
    public String name() {
        return "Gradient2d[" + h + "×" + w + "]";
    }

    @Override
    protected void forward(Tensor x, Tensor out) {
        double[] xd = x.data();
        double[] od = out.data();
        int xo = x.offset();
        int o0 = out.offset();
        int o1 = o0 + h * w;
        for (int i = 0; i < h; i++) {
            int row = i * w;
            if (i < h - 1) {
                for (int j = 0; j < w; j++) {
                    od[o0 + row + j] = xd[xo + row + w + j] - xd[xo + row + j];
                }
            } else {
                java.util.Arrays.fill(od, o0 + row, o0 + row + w, 0.0);
            }
            for (int j = 0; j < w - 1; j++) {
                od[o1 + row + j] = xd[xo + row + j + 1] - xd[xo + row + j];
            }
            od[o1 + row + w - 1] = 0.0;
        }
    }

    /** {@code out ← −div p}. */
    @Override
    protected void backward(Tensor p, Tensor out) {
        double[] pd = p.data();
        double[] od = out.data();
        int p0 = p.offset();
        int p1 = p0 + h * w;
        int oo = out.offset();
        for (int i = 0; i < h; i++) {
            int row = i * w;
            for (int j = 0; j < w; j++) {
                double here = i < h - 1 ? pd[p0 + row + j] : 0.0;
                double above = i > 0 ? pd[p0 + row - w + j] : 0.0;
                double right = j < w - 1 ? pd[p1 + row + j] : 0.0;
                double left = j > 0 ? pd[p1 + row + j - 1] : 0.0;
                od[oo + row + j] = (above - here) + (left - right);
            }
        }
    }
}
