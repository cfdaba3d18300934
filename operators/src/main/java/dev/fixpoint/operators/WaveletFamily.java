package dev.fixpoint.operators;

/**
 * Orthonormal compactly supported wavelet families for {@link FourierOperators#wavelet2d}, given by
 * their scaling (low-pass) filter {@code h} of length {@code L} with {@code Σ h_k = √2},
 * {@code Σ h_k² = 1} and {@code Σ_k h_k h_{k+2m} = 0} for {@code m ≠ 0}. The wavelet (high-pass)
 * filter is the quadrature mirror {@code g_k = (−1)^k h_{L−1−k}}.
 *
 * <p>Coefficients are Daubechies' extremal-phase scaling filters in her order (Ten Lectures on
 * Wavelets, 1992, Table 6.1, which gives 12 digits; PyWavelets' {@code rec_lo} is the same order).
 * Haar and db2 are in closed form; the db4 values are the doubles nearest to the spectral
 * factorisation of Daubechies' polynomial computed with 50-digit arithmetic. (The widely copied
 * 17-digit db4 table, e.g. PyWavelets', is off by up to 4e-13 and has {@code Σh² − 1 ≈ −9e-13},
 * which would break orthonormality at the 1e-12 level.)
 */
public enum WaveletFamily {
    /** Haar (db1), 2 taps, 1 vanishing moment: {@code h = (1, 1)/√2}. */
    HAAR(1 / Math.sqrt(2), 1 / Math.sqrt(2)),
    /** Daubechies db2 ("D4"), 4 taps, 2 vanishing moments: {@code h = (1+√3, 3+√3, 3−√3, 1−√3)/(4√2)}. */
    DAUBECHIES4((1 + Math.sqrt(3)) / (4 * Math.sqrt(2)), (3 + Math.sqrt(3)) / (4 * Math.sqrt(2)),
            (3 - Math.sqrt(3)) / (4 * Math.sqrt(2)), (1 - Math.sqrt(3)) / (4 * Math.sqrt(2))),
    /** Daubechies db4 ("D8"), 8 taps, 4 vanishing moments. */
    DAUBECHIES8(0.2303778133088965, 0.7148465705529157, 0.6308807679298589, -0.027983769416859854,
            -0.18703481171909309, 0.030841381835560764, 0.0328830116668852, -0.010597401785069032);

    private final double[] lowPass;

    WaveletFamily(double... lowPass) {
        this.lowPass = lowPass;
    }

    /** @return a copy of the scaling filter {@code h} */
    public double[] lowPass() {
        return lowPass.clone();
    }

    /** @return a copy of the wavelet filter {@code g_k = (−1)^k h_{L−1−k}} */
    public double[] highPass() {
        int n = lowPass.length;
        double[] g = new double[n];
        for (int k = 0; k < n; k++) {
            g[k] = (k % 2 == 0 ? 1 : -1) * lowPass[n - 1 - k];
        }
        return g;
    }

    /** @return the filter length {@code L} */
    public int taps() {
        return lowPass.length;
    }
}
