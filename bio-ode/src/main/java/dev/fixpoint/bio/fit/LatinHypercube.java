package dev.fixpoint.bio.fit;

import dev.fixpoint.core.FixpointException;
import java.util.SplittableRandom;

/**
 * Latin-hypercube sampling of a finite box: each dimension's range is cut into {@code count} equal strata and every
 * stratum of every dimension holds exactly one sample, at a uniformly random position inside it; the strata are
 * paired across dimensions by independent random permutations. Deterministic for a given seed.
 */
public final class LatinHypercube {

    private LatinHypercube() {
    }

    /**
     * @param count number of samples (≥ 1)
     * @param lower lower bounds, length n, finite; not modified
     * @param upper upper bounds, length n, finite, ≥ lower; not modified
     * @param seed  random seed; equal seeds (and arguments) give equal samples
     * @return {@code samples[k][i]}: sample k, coordinate i; sample k lies in stratum
     *         ⌊count·(x − lower)/(upper − lower)⌋ of dimension i, a permutation of 0 … count−1 over k
     * @throws FixpointException if count &lt; 1, the bounds are invalid or any bound is infinite
     */
    public static double[][] sample(int count, double[] lower, double[] upper, long seed) {
        if (count < 1) {
            throw new FixpointException("InvalidOption", "Latin-hypercube sample count = " + count + ", expected ≥ 1");
        }
        Box.check(lower == null ? 0 : lower.length, lower, upper);
        int n = lower.length;
        for (int i = 0; i < n; i++) {
            if (Double.isInfinite(lower[i]) || Double.isInfinite(upper[i])) {
                throw new FixpointException("InvalidBounds", "variable " + i + " has bounds [" + lower[i] + ", "
                        + upper[i] + "]; Latin-hypercube sampling needs finite bounds");
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] samples = new double[count][n];
        int[] perm = new int[count];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < count; k++) {
                perm[k] = k;
            }
            for (int k = count - 1; k > 0; k--) {
                int j = random.nextInt(k + 1);
                int t = perm[k];
                perm[k] = perm[j];
                perm[j] = t;
            }
            double width = upper[i] - lower[i];
            for (int k = 0; k < count; k++) {
                double u = (perm[k] + random.nextDouble()) / count;
                samples[k][i] = Math.min(upper[i], lower[i] + u * width);
            }
        }
        return samples;
    }
}
