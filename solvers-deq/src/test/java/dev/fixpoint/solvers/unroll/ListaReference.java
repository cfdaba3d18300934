package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The documented recursions of the LISTA family written again with plain tensor operations: an
 * independent reference for the networks' forward passes, and the source of the pre-activations
 * from which gradient-check points are placed away from kinks and ties.
 */
final class ListaReference {
    private ListaReference() {
    }

    /** Pre-activations v_k, outputs x_k, and the distance of the point to the nearest kink or tie. */
    record Trace(List<Tensor> pre, List<Tensor> out, double margin) {
    }

    /**
     * Runs the recursion on y [m, B].
     *
     * @param placeThresholds if true, each θ_k is first set (in the network) to the middle of the widest
     *                        gap between the sorted magnitudes (or group norms) of v_k within their 20th–80th
     *                        percentiles, so that no pre-activation sits near the kink
     */
    static Trace run(ListaNetwork net, Tensor y, boolean placeThresholds) {
        int n = net.n;
        int cols = y.dim(1);
        Tensor x = Tensor.zeros(n, cols);
        List<Tensor> pre = new ArrayList<>();
        List<Tensor> out = new ArrayList<>();
        double margin = Double.POSITIVE_INFINITY;
        for (int k = 0; k < net.depth(); k++) {
            Tensor v = preActivation(net, k, x, y);
            Parameter theta = net.parameters().get("theta." + k);
            double[] magnitudes = net instanceof GroupLista g ? groupNorms(v, g.groupSize()) : v.abs().toArray();
            if (placeThresholds) {
                theta.value().fill(widestGapMiddle(magnitudes));
            }
            double th = theta.value().item();
            for (double r : magnitudes) {
                margin = Math.min(margin, Math.abs(r - th));
            }
            int count = selectionCount(net, k);
            if (count > 0 && count < n) {
                margin = Math.min(margin, selectionGap(v, count));
            }
            x = shrink(net, v, th, count);
            pre.add(v);
            out.add(x);
        }
        return new Trace(pre, out, margin);
    }

    private static Parameter param(ListaNetwork net, String untied, String tied) {
        try {
            return net.parameters().get(untied);
        } catch (FixpointException e) {
            return net.parameters().get(tied);
        }
    }

    private static Tensor preActivation(ListaNetwork net, int k, Tensor x, Tensor y) {
        Tensor a = net.matrix();
        if (net instanceof Lista) {
            Tensor v = Tensor.matmul(net.parameters().get("We").value(), false, y, false);
            return k == 0 ? v : v.add(param(net, "S." + k, "S").value().matmul(x));
        }
        if (net instanceof ListaCp) {
            Tensor w = param(net, "W." + k, "W").value();
            return k == 0 ? Tensor.matmul(w, true, y, false) : x.add(Tensor.matmul(w, true, y.sub(a.matmul(x)), false));
        }
        if (net instanceof Alista al) {
            double gamma = net.parameters().get("gamma." + k).value().item();
            Tensor step = Tensor.matmul(al.weight(), true, k == 0 ? y.neg() : a.matmul(x).sub(y), false).mul(gamma);
            return x.sub(step);
        }
        if (net instanceof GroupLista g) {
            Tensor u = Tensor.matmul(a, true, k == 0 ? y : y.sub(a.matmul(x)), false);
            return x.add(blockDiagonal(param(net, "D." + k, "D").value(), u, g.groupSize()));
        }
        throw new IllegalArgumentException("no reference for " + net);
    }

    private static Tensor blockDiagonal(Tensor blocks, Tensor u, int g) {
        int n = u.dim(0);
        Tensor full = Tensor.zeros(n, n);
        for (int gr = 0; gr < n / g; gr++) {
            for (int i = 0; i < g; i++) {
                for (int j = 0; j < g; j++) {
                    full.set(blocks.get(gr, i, j), gr * g + i, gr * g + j);
                }
            }
        }
        return full.matmul(u);
    }

    private static int selectionCount(ListaNetwork net, int k) {
        String p = net.configuration().get("selection.percent");
        if (p == null) {
            return 0;
        }
        double q = SupportSelection.percent(k, Double.parseDouble(p), Double.parseDouble(net.configuration().get("selection.max-percent")));
        return SupportSelection.count(net.n, q);
    }

    private static Tensor shrink(ListaNetwork net, Tensor v, double th, int count) {
        int n = v.dim(0);
        int cols = v.dim(1);
        Tensor out = Tensor.zeros(n, cols);
        if (net instanceof GroupLista g) {
            double[] norms = groupNorms(v, g.groupSize());
            for (int i = 0; i < n; i++) {
                for (int b = 0; b < cols; b++) {
                    double r = norms[(i / g.groupSize()) * cols + b];
                    out.set(r > th ? (1 - th / r) * v.get(i, b) : 0.0, i, b);
                }
            }
            return out;
        }
        for (int b = 0; b < cols; b++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = Math.abs(v.get(i, b));
            }
            Arrays.sort(col);
            double tau = count <= 0 ? Double.POSITIVE_INFINITY : count >= n ? Double.NEGATIVE_INFINITY : col[n - 1 - count];
            for (int i = 0; i < n; i++) {
                double s = v.get(i, b);
                double r = Math.abs(s) > th && Math.abs(s) > tau ? s : Math.signum(s) * Math.max(Math.abs(s) - th, 0);
                out.set(r, i, b);
            }
        }
        return out;
    }

    private static double[] groupNorms(Tensor v, int g) {
        int n = v.dim(0);
        int cols = v.dim(1);
        double[] r = new double[(n / g) * cols];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < cols; b++) {
                r[(i / g) * cols + b] += v.get(i, b) * v.get(i, b);
            }
        }
        for (int k = 0; k < r.length; k++) {
            r[k] = Math.sqrt(r[k]);
        }
        return r;
    }

    /** The smallest gap between the count-th and (count+1)-th largest magnitude over the columns. */
    private static double selectionGap(Tensor v, int count) {
        int n = v.dim(0);
        double gap = Double.POSITIVE_INFINITY;
        for (int b = 0; b < v.dim(1); b++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = Math.abs(v.get(i, b));
            }
            Arrays.sort(col);
            gap = Math.min(gap, col[n - count] - col[n - 1 - count]);
        }
        return gap;
    }

    private static double widestGapMiddle(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int lo = (int) (0.2 * (s.length - 1));
        int hi = (int) Math.ceil(0.8 * (s.length - 1));
        double best = -1;
        double middle = 0;
        for (int i = lo; i < hi; i++) {
            if (s[i + 1] - s[i] > best) {
                best = s[i + 1] - s[i];
                middle = 0.5 * (s[i] + s[i + 1]);
            }
        }
        return middle;
    }
}
