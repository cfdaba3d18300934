package dev.fixpoint.imaging.ct;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Gamma;

/**
 * Measurement noise for sinograms, deterministic from a seed. {@link #gaussian} is the additive white noise of the
 * learned primal-dual setting; {@link #poisson} is the low-dose transmission model.
 */
public final class CtNoise {
    private CtNoise() {
    }

    /**
     * Additive Gaussian noise with standard deviation {@code relativeLevel × mean |data|} (for example 0.05).
     *
     * @param data          noiseless line integrals (finite; not modified)
     * @param relativeLevel noise standard deviation relative to the mean absolute value of the data (≥ 0)
     * @param seed          random seed
     * @return the noisy data (new tensor)
     */
    public static Tensor gaussian(Tensor data, double relativeLevel, long seed) {
        data.requireFinite("CtNoise.gaussian data");
        if (!(relativeLevel >= 0) || Double.isInfinite(relativeLevel)) {
            throw new FixpointException("BadArgument", "relative noise level " + relativeLevel + " must be finite and ≥ 0");
        }
        double sigma = relativeLevel * data.abs().mean();
        SplittableRandom rng = new SplittableRandom(seed);
        return data.add(Tensor.randn(rng, data.shape()).mul(sigma));
    }

    /**
     * Low-dose (Poisson) transmission noise: photon counts {@code N ~ Poisson(I₀·exp(−μ·p))} for line integral
     * {@code p} (in the data's units) and attenuation scale {@code μ} (per unit of line integral; choose it so
     * that {@code μ·max p} is a few), then the log data {@code −ln(max(N, ½)/I₀)/μ} (a zero count is replaced by ½
     * so that the logarithm stays finite).
     *
     * @param data             noiseless line integrals (finite; not modified)
     * @param incidentPhotons  {@code I₀ > 0} per ray (e.g. 10⁴ for low dose)
     * @param attenuationScale {@code μ > 0}
     * @param seed             random seed
     * @return the noisy line integrals (new tensor)
     */
    public static Tensor poisson(Tensor data, double incidentPhotons, double attenuationScale, long seed) {
        data.requireFinite("CtNoise.poisson data");
        if (!(incidentPhotons > 0) || Double.isInfinite(incidentPhotons)) {
            throw new FixpointException("BadArgument", "incident photons I₀ = " + incidentPhotons + " must be > 0");
        }
        if (!(attenuationScale > 0) || Double.isInfinite(attenuationScale)) {
            throw new FixpointException("BadArgument", "attenuation scale μ = " + attenuationScale + " must be > 0");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] p = data.toArray();
        for (int i = 0; i < p.length; i++) {
            double mean = incidentPhotons * Math.exp(-attenuationScale * p[i]);
            double counts = poissonSample(rng, mean);
            p[i] = -Math.log(Math.max(counts, 0.5) / incidentPhotons) / attenuationScale;
        }
        return Tensor.wrap(p, data.shape());
    }

    /**
     * One Poisson sample: multiplication of uniforms for means below 10, else the transformed rejection with squeeze
     * (PTRS) of Hörmann (1993), exact for every mean.
     */
    static long poissonSample(SplittableRandom rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 10) {
            double limit = Math.exp(-mean);
            double prod = rng.nextDouble();
            long k = 0;
            while (prod > limit) {
                prod *= rng.nextDouble();
                k++;
            }
            return k;
        }
        double slam = Math.sqrt(mean);
        double loglam = Math.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b)
                    <= -mean + k * loglam - Gamma.logGamma(k + 1.0)) {
                return k;
            }
        }
    }
}
