package dev.fixpoint.imaging.mri;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A Cartesian undersampling pattern of centred k-space {@code [h, w]}: a set of sampled phase-encoding
 * lines (k-space columns {@code 0 … w−1}, the zero frequency at column {@code ⌊w/2⌋}), each sampled over
 * all {@code h} readout positions. Immutable. Factories:
 * <ul>
 *   <li>{@link #random}: a fully sampled centre of {@code round(centreFraction·w)} lines plus lines drawn
 *       uniformly without replacement so that exactly {@code round(w/acceleration)} lines are sampled
 *       (4×: centre fraction 0.08, 8×: 0.04 in the fastMRI convention);</li>
 *   <li>{@link #equispaced}: the same centre plus every {@code R}-th line {@code 0, R, 2R, …} (until
 *       {@code round(w/R)} lines are sampled), topped up with the lines nearest the centre if needed;</li>
 *   <li>{@link #variableDensity}: the same centre plus lines drawn without replacement with probability
 *       proportional to {@code (1 − |k|/k_max)^power} (denser near the centre).</li>
 * </ul>
 * Random patterns are deterministic functions of their seed.
 */
public final class SamplingMask {
    private final int h;
    private final int w;
    private final boolean[] lines;
    private final int centreLines;

    private SamplingMask(int h, int w, boolean[] lines, int centreLines) {
        this.h = h;
        this.w = w;
        this.lines = lines;
        this.centreLines = centreLines;
    }

    /**
     * @param h              readout length (rows) ≥ 1
     * @param w              number of phase-encoding lines (columns) ≥ 2
     * @param acceleration   {@code R ≥ 1}: {@code round(w/R)} lines are sampled
     * @param centreFraction fraction of lines in the fully sampled centre, in {@code [0, 1/R]}
     * @param seed           seed of the random lines
     * @return the mask
     * @throws FixpointException {@code [fixpoint/InvalidParameter]} for parameters out of range
     */
    public static SamplingMask random(int h, int w, double acceleration, double centreFraction, long seed) {
        int total = total(h, w, acceleration, centreFraction);
        boolean[] sel = new boolean[w];
        int centre = centre(sel, centreFraction);
        double[] weights = new double[w];
        Arrays.fill(weights, 1.0);
        draw(sel, weights, total - countOf(sel), new SplittableRandom(seed));
        return new SamplingMask(h, w, sel, centre);
    }

    /** Equispaced lines: see the class comment; parameters as {@link #random} without the seed. */
    public static SamplingMask equispaced(int h, int w, int acceleration, double centreFraction) {
        int total = total(h, w, acceleration, centreFraction);
        boolean[] sel = new boolean[w];
        int centre = centre(sel, centreFraction);
        for (int j = 0; j < w && countOf(sel) < total; j += acceleration) {
            sel[j] = true;
        }
        int mid = w / 2;
        for (int d = 0; countOf(sel) < total && d < w; d++) {
            for (int j : new int[]{mid - d, mid + d}) {
                if (j >= 0 && j < w && !sel[j] && countOf(sel) < total) {
                    sel[j] = true;
                }
            }
        }
        return new SamplingMask(h, w, sel, centre);
    }

    /**
     * Variable-density random lines: see the class comment.
     *
     * @param power decay exponent ≥ 0 of the density {@code (1 − |k|/k_max)^power} (0 = uniform)
     */
    public static SamplingMask variableDensity(int h, int w, double acceleration, double centreFraction, double power,
                                               long seed) {
        if (!(power >= 0) || !Double.isFinite(power)) {
            throw new FixpointException("InvalidParameter", "SamplingMask: density power " + power + " must be finite and ≥ 0");
        }
        int total = total(h, w, acceleration, centreFraction);
        boolean[] sel = new boolean[w];
        int centre = centre(sel, centreFraction);
        double[] weights = new double[w];
        int mid = w / 2;
        double kMax = Math.max(mid, w - 1 - mid) + 1;
        for (int j = 0; j < w; j++) {
            weights[j] = Math.pow(1 - Math.abs(j - mid) / kMax, power);
        }
        draw(sel, weights, total - countOf(sel), new SplittableRandom(seed));
        return new SamplingMask(h, w, sel, centre);
    }

    /**
     * A mask from an explicit list of sampled columns.
     *
     * @param sampledLines one flag per column (copied), at least one true
     */
    public static SamplingMask ofLines(int h, boolean[] sampledLines) {
        if (h < 1 || sampledLines.length < 1 || countOf(sampledLines) == 0) {
            throw new FixpointException("InvalidParameter", "SamplingMask: need h ≥ 1 and at least one sampled line; got h = "
                    + h + ", " + countOf(sampledLines) + " of " + sampledLines.length + " lines");
        }
        return new SamplingMask(h, sampledLines.length, sampledLines.clone(), 0);
    }

    private static int total(int h, int w, double acceleration, double centreFraction) {
        if (h < 1 || w < 2) {
            throw new FixpointException("InvalidParameter", "SamplingMask: k-space " + h + "×" + w
                    + " must have h ≥ 1 rows and w ≥ 2 phase-encoding lines");
        }
        if (!(acceleration >= 1) || !Double.isFinite(acceleration)) {
            throw new FixpointException("InvalidParameter", "SamplingMask: acceleration " + acceleration
                    + " must be finite and ≥ 1");
        }
        if (!(centreFraction >= 0) || centreFraction * acceleration > 1 + 1e-12) {
            throw new FixpointException("InvalidParameter", "SamplingMask: centre fraction " + centreFraction
                    + " must be in [0, 1/acceleration] = [0, " + (1 / acceleration) + "]");
        }
        return Math.max(1, (int) Math.round(w / acceleration));
    }

    /** Marks the centre block of {@code round(f·w)} lines, centred at {@code ⌊w/2⌋}; returns its size. */
    private static int centre(boolean[] sel, double fraction) {
        int w = sel.length;
        int n = (int) Math.round(fraction * w);
        int start = w / 2 - n / 2;
        for (int j = start; j < start + n; j++) {
            sel[j] = true;
        }
        return n;
    }

    /** Draws {@code count} unselected lines without replacement with probabilities ∝ weights. */
    private static void draw(boolean[] sel, double[] weights, int count, SplittableRandom rng) {
        for (int k = 0; k < count; k++) {
            double sum = 0;
            for (int j = 0; j < sel.length; j++) {
                sum += sel[j] ? 0 : weights[j];
            }
            double u = rng.nextDouble() * sum;
            int pick = -1;
            for (int j = 0; j < sel.length; j++) {
                if (!sel[j] && weights[j] > 0) {
                    pick = j;
                    u -= weights[j];
                    if (u < 0) {
                        break;
                    }
                }
            }
            sel[pick] = true;
        }
    }

    private static int countOf(boolean[] b) {
        int n = 0;
        for (boolean v : b) {
            n += v ? 1 : 0;
        }
        return n;
    }

    /** @return readout length (rows) */
    public int rows() {
        return h;
    }

    /** @return number of phase-encoding lines (columns) */
    public int columns() {
        return w;
    }

    /** @return a copy of the per-column flags */
    public boolean[] lines() {
        return lines.clone();
    }

    /** @return whether column {@code j} is sampled */
    public boolean sampled(int j) {
        return lines[j];
    }

    /** @return the number of sampled lines */
    public int sampledLines() {
        return countOf(lines);
    }

    /** @return the size of the fully sampled centre block (0 for {@link #ofLines}) */
    public int centreLines() {
        return centreLines;
    }

    /** @return the effective acceleration {@code w / sampledLines} */
    public double acceleration() {
        return (double) w / sampledLines();
    }

    /** @return the mask as a 0/1 image {@code [h, w]} */
    public Tensor toImage() {
        double[] d = new double[h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                d[i * w + j] = lines[j] ? 1 : 0;
            }
        }
        return Tensor.wrap(d, h, w);
    }

    /**
     * @param what    what needs the mask (for the message)
     * @param rows    expected rows
     * @param columns expected columns
     * @return this mask
     * @throws FixpointException {@code [fixpoint/MaskShape]} naming both shapes
     */
    public SamplingMask requireShape(String what, int rows, int columns) {
        if (rows != h || columns != w) {
            throw new FixpointException("MaskShape", what + ": the sampling mask is " + h + "×" + w
                    + " but the k-space is " + rows + "×" + columns + "; build the mask for the image size");
        }
        return this;
    }

    @Override
    public String toString() {
        return String.format("SamplingMask[%d×%d, %d lines (%d centre), R = %.2f]", h, w, sampledLines(), centreLines,
                acceleration());
    }
}
