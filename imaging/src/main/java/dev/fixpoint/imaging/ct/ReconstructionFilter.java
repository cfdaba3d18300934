package dev.fixpoint.imaging.ct;

/**
 * The filters of filtered back-projection: the ramp {@code |ν|} times a window {@code W(f)} of the normalised
 * frequency {@code f = ν·τ ∈ [0, ½]} (cycles per detector sample; ½ is the Nyquist frequency). The ramp itself is
 * the band-limited discrete ramp of Ramachandran–Lakshminarayanan (Kak &amp; Slaney 1988, eq. 3.61), which has the
 * right zero-frequency value.
 */
public enum ReconstructionFilter {
    /** Ram-Lak: the plain ramp, {@code W = 1}. */
    RAM_LAK,
    /** Shepp–Logan: {@code W = sin(πf)/(πf)}. */
    SHEPP_LOGAN,
    /** Cosine: {@code W = cos(πf)}. */
    COSINE,
    /** Hann: {@code W = ½(1 + cos 2πf)}. */
    HANN;

    /** @return the window at normalised frequency {@code f ∈ [0, ½]} */
    public double window(double f) {
        return switch (this) {
            case RAM_LAK -> 1.0;
            case SHEPP_LOGAN -> f == 0 ? 1.0 : Math.sin(Math.PI * f) / (Math.PI * f);
            case COSINE -> Math.cos(Math.PI * f);
            case HANN -> 0.5 * (1 + Math.cos(2 * Math.PI * f));
        };
    }

    /**
     * The windowed ramp as a spatial kernel sampled at spacing {@code tau}: entry {@code n + (bins − 1)} is
     * {@code h(nτ)} for {@code |n| < bins}, so that the filtered projection is {@code q_j = τ Σ_k p_k h((j−k)τ)}.
     * Computed from the discrete Ram-Lak kernel by a zero-padded DFT (length ≥ 4·bins), windowing, inverse DFT.
     *
     * @return a new array of length {@code 2·bins − 1}
     */
    double[] kernel(int bins, double tau) {
        int p = Integer.highestOneBit(Math.max(4 * bins, 16) - 1) << 1;
        double[] h = new double[p];
        h[0] = 1.0 / (4 * tau * tau);
        for (int n = 1; n < p / 2; n += 2) {
            double v = -1.0 / (n * n * Math.PI * Math.PI * tau * tau);
            h[n] = v;
            h[p - n] = v;
        }
        double[] cos = new double[p];
        for (int k = 0; k < p; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / p);
        }
        // H[k] = Σ_n h[n] cos(2πkn/p) (h even ⇒ real), then windowed
        double[] spectrum = new double[p];
        for (int k = 0; k < p; k++) {
            double sum = 0;
            for (int n = 0; n < p; n++) {
                sum += h[n] * cos[(int) (((long) k * n) % p)];
            }
            spectrum[k] = sum * window(Math.min(k, p - k) / (double) p);
        }
        double[] out = new double[2 * bins - 1];
        for (int n = 0; n < bins; n++) {
            double sum = 0;
            for (int k = 0; k < p; k++) {
                sum += spectrum[k] * cos[(int) (((long) k * n) % p)];
            }
            out[bins - 1 + n] = sum / p;
            out[bins - 1 - n] = sum / p;
        }
        return out;
    }
}
