package dev.fixpoint.solvers.fixedpoint;

import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.IterationListener;
import dev.fixpoint.solvers.IterationMonitor;
import dev.fixpoint.solvers.SolverResult;
import dev.fixpoint.solvers.SolverStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The batched driver shared by the built-in solvers: evaluates the map on the columns of the
 * running samples, applies each sample's stopping rules through its own {@link IterationMonitor},
 * tracks the lowest-residual iterate, freezes finished samples, and asks each sample's
 * {@link SampleState} for its next point.
 */
abstract class BatchedIteration implements FixedPointSolver {

    /** The per-sample state of an algorithm. */
    interface SampleState {
        /**
         * @param z        the point just evaluated {@code [d]}; not modified
         * @param fz       {@code f(z)} {@code [d]}; not modified
         * @param residual {@code ‖f(z) − z‖₂}
         * @param next     receives the next point to evaluate; <b>modified</b>
         */
        void next(double[] z, double[] fz, double residual, double[] next);
    }

    private final String name;
    final FixedPointSettings settings;

    BatchedIteration(String name, FixedPointSettings settings) {
        this.name = name;
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
    }

    /** @return a fresh state for one sample of dimension {@code d} */
    abstract SampleState newState(int d);

    @Override
    public String name() {
        return name;
    }

    @Override
    public FixedPointSettings settings() {
        return settings;
    }

    @Override
    public FixedPointResult solve(FixedPointMap f, Tensor z0) {
        if (z0.rank() != 2) {
            throw new ShapeMismatchException(name + ": the starting point must be [d, B] (samples are columns), got "
                    + Arrays.toString(z0.shape()));
        }
        int d = z0.dim(0);
        int batch = z0.dim(1);
        long start = System.nanoTime();
        double[][] z = new double[batch][d];
        double[][] best = new double[batch][];
        double[] lowest = new double[batch];
        double[] firstAbs = new double[batch];
        int[] evaluations = new int[batch];
        IterationMonitor[] monitors = new IterationMonitor[batch];
        SampleState[] states = new SampleState[batch];
        double[] src = z0.data();
        int off = z0.offset();
        for (int s = 0; s < batch; s++) {
            for (int i = 0; i < d; i++) {
                z[s][i] = src[off + i * batch + s];
            }
            lowest[s] = Double.POSITIVE_INFINITY;
            monitors[s] = new IterationMonitor(name, settings.stopping(), IterationListener.NONE);
            states[s] = newState(d);
        }
        int[] active = new int[batch];
        for (int s = 0; s < batch; s++) {
            active[s] = s;
        }
        double[] fz = new double[d];
        double[] next = new double[d];
        ResidualNorm norm = settings.residualNorm();
        double divergence = settings.stopping().divergenceFactor();
        while (active.length > 0) {
            int k = active.length;
            double[] packed = new double[d * k];
            for (int j = 0; j < k; j++) {
                double[] zs = z[active[j]];
                for (int i = 0; i < d; i++) {
                    packed[i * k + j] = zs[i];
                }
            }
            Tensor out = f.apply(Tensor.wrap(packed, d, k), active.clone());
            if (out == null || out.rank() != 2 || out.dim(0) != d || out.dim(1) != k) {
                throw new ShapeMismatchException(name + ": the map returned " + (out == null ? "null"
                        : Arrays.toString(out.shape())) + " for iterates [" + d + ", " + k + "]; it must return "
                        + "f(z) of the same shape");
            }
            double[] od = out.data();
            int oo = out.offset();
            int kept = 0;
            for (int j = 0; j < k; j++) {
                int s = active[j];
                double[] zs = z[s];
                double r2 = 0;
                double f2 = 0;
                for (int i = 0; i < d; i++) {
                    double v = od[oo + i * k + j];
                    fz[i] = v;
                    double g = v - zs[i];
                    r2 += g * g;
                    f2 += v * v;
                }
                evaluations[s]++;
                double abs = Math.sqrt(r2);
                double res = norm.of(abs, Math.sqrt(f2));
                if (evaluations[s] == 1) {
                    firstAbs[s] = abs;
                }
                if (res < lowest[s]) {
                    lowest[s] = res;
                    if (best[s] == null) {
                        best[s] = new double[d];
                    }
                    System.arraycopy(zs, 0, best[s], 0, d);
                }
                IterationMonitor monitor = monitors[s];
                SolverStatus status = monitor.record(evaluations[s], res);
                if (status == null && Double.isFinite(abs) && abs > divergence * Math.max(firstAbs[s], 1.0)) {
                    status = monitor.stop(SolverStatus.DIVERGED, String.format("‖f(z) − z‖ = %.3g exceeds %.3g "
                            + "(divergence factor %.3g × first %.3g) at iteration %d", abs,
                            divergence * Math.max(firstAbs[s], 1.0), divergence, firstAbs[s], evaluations[s]));
                }
                if (status != null) {
                    continue; // frozen
                }
                states[s].next(zs, fz, abs, next);
                for (int i = 0; i < d; i++) {
                    if (!Double.isFinite(next[i])) {
                        status = monitor.stop(SolverStatus.DIVERGED, "non-finite iterate (component " + i + " = "
                                + next[i] + ") after iteration " + evaluations[s]);
                        break;
                    }
                }
                if (status != null) {
                    continue;
                }
                System.arraycopy(next, 0, zs, 0, d);
                active[kept++] = s;
            }
            active = Arrays.copyOf(active, kept);
        }
        double[] sol = new double[d * batch];
        List<SolverResult> results = new ArrayList<>(batch);
        for (int s = 0; s < batch; s++) {
            double[] chosen = monitors[s].status() == SolverStatus.CONVERGED || best[s] == null ? z[s] : best[s];
            for (int i = 0; i < d; i++) {
                sol[i * batch + s] = chosen[i];
            }
            results.add(monitors[s].result(Tensor.of(chosen, d, 1)));
        }
        return new FixedPointResult(name, Tensor.wrap(sol, d, batch), results, evaluations, lowest,
                (System.nanoTime() - start) * 1e-9);
    }
}
