package dev.fixpoint.solvers.bilevel;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.Objects;

/**
 * Learns hyperparameters on the outer (validation) loss of a {@link BilevelProblem}: at each outer
 * iteration the hypergradient is computed with the chosen {@link HypergradientMethod}, then θ is
 * updated by gradient descent {@code θ ← θ − α·g}, or, when {@link #adaptive} is set, by Adam
 * (β₁ = 0.9, β₂ = 0.999, so each coordinate moves by about α per step, whatever the scale of its
 * gradient). With {@link #logScale} the update acts on {@code s = log θ} (gradient {@code θ·g},
 * {@code θ ← θ·exp(−α·step)}), the usual parametrisation of positive weights such as the lasso λ
 * (Bertrand et al. 2020): θ stays positive and α is a relative change. After every update each hyperparameter is checked against its declared range: one that
 * leaves it is reported as {@code [fixpoint/HyperparameterOutOfRange]} with the value, the range and
 * the outer iteration (the initial θ is checked as outer iteration 0). Immutable.
 */
public final class HyperparameterOptimizer {
    private final BilevelProblem problem;
    private final HypergradientMethod method;
    private final double stepSize;
    private final int iterations;
    private final boolean adaptive;
    private final boolean logScale;

    private HyperparameterOptimizer(BilevelProblem problem, HypergradientMethod method, double stepSize, int iterations,
                                    boolean adaptive, boolean logScale) {
        this.problem = Objects.requireNonNull(problem, "problem");
        this.method = Objects.requireNonNull(method, "method");
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] outer step size must be finite and > 0, got "
                    + stepSize);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] outer iterations must be >= 1, got " + iterations);
        }
        this.stepSize = stepSize;
        this.iterations = iterations;
        this.adaptive = adaptive;
        this.logScale = logScale;
    }

    /** @return gradient descent with step 0.01 for 20 outer iterations */
    public static HyperparameterOptimizer of(BilevelProblem problem, HypergradientMethod method) {
        return new HyperparameterOptimizer(problem, method, 0.01, 20, false, false);
    }

    /** @return a copy with outer step α &gt; 0 */
    public HyperparameterOptimizer stepSize(double value) {
        return new HyperparameterOptimizer(problem, method, value, iterations, adaptive, logScale);
    }

    /** @return a copy doing this many outer updates (≥ 1) */
    public HyperparameterOptimizer iterations(int value) {
        return new HyperparameterOptimizer(problem, method, stepSize, value, adaptive, logScale);
    }

    /** @return a copy using Adam (true) or plain gradient descent (false) on the hyperparameters */
    public HyperparameterOptimizer adaptive(boolean value) {
        return new HyperparameterOptimizer(problem, method, stepSize, iterations, value, logScale);
    }

    /**
     * @return a copy updating {@code log θ} (true; every initial hyperparameter must then be &gt; 0) or θ
     *         itself (false)
     */
    public HyperparameterOptimizer logScale(boolean value) {
        return new HyperparameterOptimizer(problem, method, stepSize, iterations, adaptive, value);
    }

    /**
     * @param theta0 the initial hyperparameters (not modified)
     * @return the trace: losses and hyperparameters at outer iterations 0…N (the last loss is evaluated
     *         at the final θ, without a further update)
     * @throws FixpointException {@code [fixpoint/HyperparameterOutOfRange]} when an update leaves the valid range
     */
    public HyperparameterTrace run(Tensor[] theta0) {
        long start = System.nanoTime();
        Tensor[] theta = new Tensor[theta0.length];
        int size = 0;
        for (int i = 0; i < theta0.length; i++) {
            theta[i] = theta0[i].copy();
            size += theta[i].size();
        }
        problem.checkRanges(theta, 0);
        if (logScale) {
            for (Tensor t : theta) {
                for (double x : t.toArray()) {
                    if (!(x > 0)) {
                        throw new FixpointException("HyperparameterOutOfRange", "log-scale updates need every initial "
                                + "hyperparameter > 0, got " + x + "; start inside (0, ∞) or use logScale(false)");
                    }
                }
            }
        }
        double[] losses = new double[iterations + 1];
        double[][] history = new double[iterations + 1][];
        double[][] gradients = new double[iterations + 1][];
        double[] m = new double[size];
        double[] v = new double[size];
        for (int k = 0; k <= iterations; k++) {
            Hypergradient g = method.compute(problem, theta);
            losses[k] = g.loss();
            history[k] = flatten(theta, size);
            gradients[k] = g.flat();
            if (!Double.isFinite(g.loss())) {
                throw new FixpointException("NonFinite", "outer loss " + g.loss() + " at outer iteration " + k
                        + " with θ = " + java.util.Arrays.toString(history[k]));
            }
            if (k == iterations) {
                break;
            }
            double[] step = gradients[k].clone();
            if (logScale) {
                for (int j = 0; j < size; j++) {
                    step[j] *= history[k][j];
                }
            }
            if (adaptive) {
                for (int j = 0; j < size; j++) {
                    m[j] = 0.9 * m[j] + 0.1 * step[j];
                    v[j] = 0.999 * v[j] + 0.001 * step[j] * step[j];
                    double mHat = m[j] / (1 - Math.pow(0.9, k + 1));
                    double vHat = v[j] / (1 - Math.pow(0.999, k + 1));
                    step[j] = mHat / (Math.sqrt(vHat) + 1e-12);
                }
            }
            int j = 0;
            for (Tensor t : theta) {
                double[] d = t.data();
                for (int e = 0; e < t.size(); e++) {
                    if (logScale) {
                        d[t.offset() + e] *= Math.exp(-stepSize * step[j++]);
                    } else {
                        d[t.offset() + e] -= stepSize * step[j++];
                    }
                }
            }
            problem.checkRanges(theta, k + 1);
        }
        return new HyperparameterTrace(method.name(), theta, losses, history, gradients, (System.nanoTime() - start) * 1e-9);
    }

    private static double[] flatten(Tensor[] theta, int size) {
        double[] out = new double[size];
        int j = 0;
        for (Tensor t : theta) {
            for (double x : t.toArray()) {
                out[j++] = x;
            }
        }
        return out;
    }
}
