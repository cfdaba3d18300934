package dev.fixpoint.autodiff.internal;

import dev.fixpoint.autodiff.NoGrad;
import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * Training losses and the log-softmax they rest on: mean squared error, log-softmax along the last
 * axis, and the cross-entropy of logits against integer class labels. All are computed in one pass
 * in a numerically stable form (log-sum-exp with the row maximum subtracted) and are differentiable
 * to any order.
 */
public final class Losses {
    private Losses() {
    }

    /** @return {@code mean((pred − target)²)} over all elements (rank 0); both of one shape */
    public static Var mse(Var pred, Var target) {
        if (!Arrays.equals(pred.shape(), target.shape())) {
            throw new ShapeMismatchException("mse", pred.shape(), target.shape(), "prediction and target must have the same shape");
        }
        return Mse.INSTANCE.apply(pred, target);
    }

    /** @return {@code x − logsumexp(x)} along the last axis (rank ≥ 1) */
    public static Var logSoftmax(Var x) {
        if (x.shape().length == 0) {
            throw new ShapeMismatchException("logSoftmax: needs rank ≥ 1 (classes on the last axis), got a scalar");
        }
        return LogSoftmax.INSTANCE.apply(x);
    }

    /**
     * @param logits {@code [N, classes]}
     * @param labels {@code N} class indices in {@code [0, classes)} (owned by the operation; not modified)
     * @return {@code −(1/N) Σₙ logSoftmax(logits)[n, labels[n]]} (rank 0; NaN for N = 0)
     */
    public static Var crossEntropy(Var logits, int[] labels) {
        int[] s = logits.shape();
        if (s.length != 2 || s[0] != labels.length) {
            throw new ShapeMismatchException("crossEntropy", s, new int[]{labels.length},
                    "logits must be [N, classes] with one label per row");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= s[1]) {
                throw new IllegalArgumentException("crossEntropy: label " + labels[i] + " at index " + i
                        + " is outside [0, " + s[1] + ")");
            }
        }
        return new CrossEntropy(labels).apply(logits);
    }

    /** Writes {@code x − logsumexp(x)} row by row (rows of length {@code c}) into {@code out}. */
    static void logSoftmaxRows(double[] x, int xo, int rows, int c, double[] out) {
        for (int r = 0; r < rows; r++) {
            int b = xo + r * c;
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                m = Math.max(m, x[b + j]);
            }
            double s = 0;
            for (int j = 0; j < c; j++) {
                s += Math.exp(x[b + j] - m);
            }
            double lse = m + Math.log(s);
            int o = r * c;
            for (int j = 0; j < c; j++) {
                out[o + j] = x[b + j] - lse;
            }
        }
    }

    private static final class Mse extends Op {
        static final Mse INSTANCE = new Mse();

        @Override
        public String name() {
            return "mse";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            double[] p = in[0].data();
            double[] t = in[1].data();
            int po = in[0].offset();
            int to = in[1].offset();
            int n = in[0].size();
            double s = 0;
            for (int i = 0; i < n; i++) {
                double d = p[po + i] - t[to + i];
                s += d * d;
            }
            return Tensor.scalar(s / n);
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var g) {
            Var d = Ops.scale(Ops.mul(g, Ops.sub(ctx.input(0), ctx.input(1))), 2.0 / ctx.input(0).size());
            return new Var[]{ctx.needsGrad(0) ? d : null, ctx.needsGrad(1) ? Ops.scale(d, -1.0) : null};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            Tensor diff = ctx.input(0).value().sub(ctx.input(1).value());
            double s = 0;
            if (t[0] != null) {
                s += diff.dot(t[0]);
            }
            if (t[1] != null) {
                s -= diff.dot(t[1]);
            }
            return Tensor.scalar(2.0 * s / diff.size());
        }
    }

    private static final class LogSoftmax extends Op {
        static final LogSoftmax INSTANCE = new LogSoftmax();

        @Override
        public String name() {
            return "logSoftmax";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            Tensor x = in[0];
            int[] s = x.shape();
            int c = s[s.length - 1];
            Tensor out = Tensor.zeros(s);
            logSoftmaxRows(x.data(), x.offset(), c == 0 ? 0 : x.size() / c, c, out.data());
            return out;
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var g) {
            // dx = g − softmax · Σⱼ gⱼ (per row)
            Var y = ctx.output();
            int[] keep = y.shape();
            keep[keep.length - 1] = 1;
            Var rowSums = Ops.reshape(Reductions.sum(g, -1), keep);
            return new Var[]{Ops.sub(g, Ops.mul(Ops.exp(y), rowSums))};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            Tensor y = ctx.output().value();
            int[] s = y.shape();
            int c = s[s.length - 1];
            Tensor out = t[0].copy();
            double[] o = out.data();
            double[] yd = y.data();
            for (int r = 0, rows = c == 0 ? 0 : y.size() / c; r < rows; r++) {
                double dot = 0;
                for (int j = 0; j < c; j++) {
                    dot += Math.exp(yd[r * c + j]) * o[r * c + j];
                }
                for (int j = 0; j < c; j++) {
                    o[r * c + j] -= dot;
                }
            }
            return out;
        }
    }

    /** Saves the log-probabilities; the gradient is {@code (softmax − onehot)/N}. */
    private static final class CrossEntropy extends Op {
        private final int[] labels;

        CrossEntropy(int[] labels) {
            this.labels = labels;
        }

        @Override
        public String name() {
            return "crossEntropy";
        }

        @Override
        protected Tensor forward(OpContext ctx, Tensor[] in) {
            Tensor z = in[0];
            int n = labels.length;
            int c = z.shape()[1];
            Tensor logp = Tensor.zeros(n, c);
            double[] lp = logp.data();
            logSoftmaxRows(z.data(), z.offset(), n, c, lp);
            double s = 0;
            for (int i = 0; i < n; i++) {
                s -= lp[i * c + labels[i]];
            }
            ctx.save(logp);
            return Tensor.scalar(s / n);
        }

        private Tensor oneHot(int c) {
            Tensor t = Tensor.zeros(labels.length, c);
            for (int i = 0; i < labels.length; i++) {
                t.data()[i * c + labels[i]] = 1.0;
            }
            return t;
        }

        @Override
        protected Var[] vjp(OpContext ctx, Var g) {
            int n = labels.length;
            int c = ctx.input(0).shape()[1];
            if (!NoGrad.recording()) {
                double scale = g.item() / n;
                Tensor gz = Tensor.zeros(n, c);
                double[] o = gz.data();
                double[] lp = ctx.saved(0).data();
                for (int i = 0; i < o.length; i++) {
                    o[i] = Math.exp(lp[i]) * scale;
                }
                for (int i = 0; i < n; i++) {
                    o[i * c + labels[i]] -= scale;
                }
                return new Var[]{Var.constant(gz)};
            }
            Var p = Ops.exp(logSoftmax(ctx.input(0)));
            return new Var[]{Ops.scale(Ops.mul(g, Ops.sub(p, Var.constant(oneHot(c)))), 1.0 / n)};
        }

        @Override
        protected Tensor jvp(OpContext ctx, Tensor[] t) {
            int n = labels.length;
            int c = ctx.input(0).shape()[1];
            double[] lp = ctx.saved(0).data();
            double[] td = t[0].data();
            int to = t[0].offset();
            double s = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < c; j++) {
                    s += Math.exp(lp[i * c + j]) * td[to + i * c + j];
                }
                s -= td[to + i * c + labels[i]];
            }
            return Tensor.scalar(s / n);
        }
    }
}
