package dev.fixpoint.bio;

import dev.fixpoint.bio.ode.DenseStep;
import dev.fixpoint.bio.ode.StepObserver;
import java.util.Arrays;

/**
 * The forward solution on an interval, stored per accepted step as the dense output sampled at
 * θ = 0, 1/3, 2/3, 1 and reproduced by cubic Lagrange interpolation (exact for the cubic RODAS4
 * continuous extension). Memory: 4·n doubles per step.
 */
final class DenseTrajectory implements StepObserver {
    private final int n;
    private double[] t0 = new double[16];
    private double[] t1 = new double[16];
    private double[][] nodes = new double[16][];
    private int size;
    private final double[] buf;

    DenseTrajectory(int n) {
        this.n = n;
        this.buf = new double[n];
    }

    @Override
    public void accepted(DenseStep step) {
        if (size == t0.length) {
            t0 = Arrays.copyOf(t0, size * 2);
            t1 = Arrays.copyOf(t1, size * 2);
            nodes = Arrays.copyOf(nodes, size * 2);
        }
        double a = step.t0();
        double b = step.t1();
        double[] v = new double[4 * n];
        for (int q = 0; q < 3; q++) {
            step.interpolate(a + q * (b - a) / 3, buf);
            System.arraycopy(buf, 0, v, q * n, n);
        }
        System.arraycopy(step.y1(), 0, v, 3 * n, n);
        t0[size] = a;
        t1[size] = b;
        nodes[size++] = v;
    }

    int steps() {
        return size;
    }

    double start() {
        return t0[0];
    }

    double end() {
        return t1[size - 1];
    }

    /** @return the index of the stored step whose interval contains t (the first one if t is a step end) */
    int locate(double t) {
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t1[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** @param step a stored step's index @return the time at its end */
    double stepEnd(int step) {
        return t1[step];
    }

    /** Writes x(t) for t in [start, end]. */
    void interpolate(double t, double[] out) {
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t1[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        double[] v = nodes[lo];
        double s = 3 * (t - t0[lo]) / (t1[lo] - t0[lo]);
        double l0 = -(s - 1) * (s - 2) * (s - 3) / 6;
        double l1 = s * (s - 2) * (s - 3) / 2;
        double l2 = -s * (s - 1) * (s - 3) / 2;
        double l3 = s * (s - 1) * (s - 2) / 6;
        for (int i = 0; i < n; i++) {
            out[i] = l0 * v[i] + l1 * v[n + i] + l2 * v[2 * n + i] + l3 * v[3 * n + i];
        }
    }
}
