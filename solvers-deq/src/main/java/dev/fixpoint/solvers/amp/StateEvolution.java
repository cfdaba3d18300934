package dev.fixpoint.solvers.amp;

import dev.fixpoint.core.FixpointException;

/**
 * State evolution of soft-threshold AMP ({@link Amp}) for Bernoulli–Gaussian signals
 * {@code X ~ (1 − ε)·δ₀ + ε·N(0, 1)}, undersampling {@code δ = m/n} and noise variance σ² per
 * measurement (w_i ~ N(0, σ²)):
 * <pre>
 *   τ²₀     = σ² + E[X²]/δ                                  (x⁰ = 0, so z⁰ = y)
 *   τ²_{t+1} = σ² + (1/δ)·mse(τ_t),   mse(τ) = E[(η(X + τZ; ατ) − X)²]
 * </pre>
 * with {@code E[X²] = ε}. The expectation is evaluated in closed form in Φ and φ (exact up to the
 * rounding of Φ, relative accuracy about 1e-15; the tests check it against independent adaptive
 * quadrature to 1e-11).
 *
 * <p><b>Iteration indices.</b> AMP's estimate after iteration t ≥ 1 is
 * {@code x^t = η(x^{t−1} + Aᵀz^{t−1}; α·τ̂_{t−1})}, and the effective observation
 * {@code x^{t−1} + Aᵀz^{t−1}} behaves like {@code X + τ_{t−1}·Z}. Hence the predicted
 * <pre>
 *   NMSE(x^t) = mse(τ_{t−1}) / E[X²],   t = 1, 2, …
 * </pre>
 * and τ̂_{t−1} = ‖z^{t−1}‖/√m estimates τ_{t−1}. {@link Trajectory} stores both with index
 * {@code t − 1} for iteration t, like {@link AmpTrace}.
 *
 * <p>Immutable.
 */
public final class StateEvolution {
    private final double delta;
    private final double epsilon;
    private final double alpha;
    private final double noiseVariance;

    /**
     * Predicted behaviour of T iterations.
     *
     * @param tau  τ_{t−1} at index t − 1 (the noise level entering iteration t), length T
     * @param nmse predicted NMSE of x^t at index t − 1 (linear scale), length T
     */
    public record Trajectory(double[] tau, double[] nmse) {

        /** @return {@link #nmse()} in dB */
        public double[] nmseDb() {
            double[] db = new double[nmse.length];
            for (int i = 0; i < db.length; i++) {
                db[i] = 10 * Math.log10(nmse[i]);
            }
            return db;
        }
    }

    /**
     * @param delta         δ = m/n, in (0, 100]
     * @param epsilon       ε ∈ (0, 1], the probability that an entry of X is nonzero
     * @param alpha         the threshold multiplier α ≥ 0 (threshold α·τ)
     * @param noiseVariance σ² ≥ 0, the variance of each measurement's noise
     */
    public StateEvolution(double delta, double epsilon, double alpha, double noiseVariance) {
        if (!(delta > 0 && delta <= 100)) {
            throw new FixpointException("InvalidParameter", "state evolution: delta must be in (0, 100], got " + delta);
        }
        if (!(epsilon > 0 && epsilon <= 1)) {
            throw new FixpointException("InvalidParameter", "state evolution: epsilon must be in (0, 1], got " + epsilon);
        }
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new FixpointException("InvalidParameter", "state evolution: alpha must be finite and >= 0, got " + alpha);
        }
        if (!(noiseVariance >= 0) || Double.isInfinite(noiseVariance)) {
            throw new FixpointException("InvalidParameter", "state evolution: noise variance must be finite and >= 0, got " + noiseVariance);
        }
        this.delta = delta;
        this.epsilon = epsilon;
        this.alpha = alpha;
        this.noiseVariance = noiseVariance;
    }

    /** @return E[X²] = ε */
    public double signalPower() {
        return epsilon;
    }

    /** @return τ²₀ = σ² + E[X²]/δ */
    public double initialTauSquared() {
        return noiseVariance + signalPower() / delta;
    }

    /**
     * @param tau the effective noise level τ ≥ 0
     * @return {@code mse(τ) = E[(η(X + τZ; ατ) − X)²]} (per entry, not normalised)
     */
    public double mse(double tau) {
        if (!(tau >= 0) || Double.isInfinite(tau)) {
            throw new FixpointException("InvalidParameter", "state evolution: tau must be finite and >= 0, got " + tau);
        }
        return SoftThresholdRisk.bernoulliGaussian(epsilon, tau, alpha * tau);
    }

    /** @return τ²_{t+1} = σ² + mse(τ_t)/δ given τ²_t */
    public double next(double tauSquared) {
        return noiseVariance + mse(Math.sqrt(tauSquared)) / delta;
    }

    /**
     * @param iterations T ≥ 1
     * @return τ_0..τ_{T−1} and the predicted NMSE of x¹..x^T
     */
    public Trajectory run(int iterations) {
        if (iterations < 1) {
            throw new FixpointException("InvalidParameter", "state evolution: iterations must be >= 1, got " + iterations);
        }
        double[] tau = new double[iterations];
        double[] nmse = new double[iterations];
        double tau2 = initialTauSquared();
        for (int t = 0; t < iterations; t++) {
            tau[t] = Math.sqrt(tau2);
            double e = mse(tau[t]);
            nmse[t] = e / signalPower();
            tau2 = noiseVariance + e / delta;
        }
        return new Trajectory(tau, nmse);
    }

    /** @return the predicted NMSE of x^t in dB, t ≥ 1 */
    public double predictedNmseDb(int iteration) {
        double[] db = run(iteration).nmseDb();
        return db[iteration - 1];
    }

    /** @return δ = m/n */
    public double delta() {
        return delta;
    }

    /** @return ε, the probability that an entry of X is nonzero */
    public double epsilon() {
        return epsilon;
    }

    /** @return the threshold multiplier α */
    public double alpha() {
        return alpha;
    }

    /** @return σ², the noise variance per measurement */
    public double noiseVariance() {
        return noiseVariance;
    }

    @Override
    public String toString() {
        return String.format("StateEvolution[delta=%.4g, epsilon=%.4g, alpha=%.4g, sigma2=%.4g]", delta, epsilon, alpha, noiseVariance);
    }
}
