package dev.fixpoint.operators;

/**
 * Orthonormal compactly supported wavelet families for {@link FourierOperators#wavelet2d}, given by
 * their scaling (low-pass) filter {@code h} of length {@code L} with {@code Σ h_k = √2},
 * {@code Σ h_k² = 1} and {@code Σ_k h_k h_{k+2m} = 0} for {@code m ≠ 0}. The wavelet (high-pass)
 * filter is the quadrature mirror {@code g_k = (−1)^k h_{L−1−k}}.
 *
 * <p>Coefficients are Daubechies' scaling filters in her order (Ten Lectures on Wavelets, 1992,
 * Table 6.1; PyWavelets' {@code rec_lo}); the 8-tap values to 17 significant digits, the others in
 * closed form.
 */
public enum WaveletFamily {
    /** Haar (db1), 2 taps, 1 vanishing moment: {@code h = (1, 1)/√2}. */
    HAAR(1 / Math.sqrt(2), 1 / Math.sqrt(2)),
    /** Daubechies db2 ("D4"), 4 taps, 2 vanishing moments: {@code h = (1+√3, 3+√3, 3−√3, 1−√3)/(4√2)}. */
    DAUBECHIES4((1 + Math.sqrt(3)) / (4 * Math.sqrt(2)), (3 + Math.sqrt(3)) / (4 * Math.sqrt(2)),
            (3 - Math.sqrt(3)) / (4 * Math.sqrt(2)), (1 - Math.sqrt(3)) / (4 * Math.sqrt(2))),
    /** Daubechies db4 ("D8"), 8 taps, 4 vanishing moments. */
    DAUBECHIES8(0.23037781330885523, 0.71484657055254153, 0.63088076792959036, -0.027983769416983849,
            -0.18703481171888114, 0.030841381835986965, 0.032883011666982945, -0.010597401784997278);

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
