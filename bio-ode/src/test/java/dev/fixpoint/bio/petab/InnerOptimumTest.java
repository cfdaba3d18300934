package dev.fixpoint.bio.petab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The closed-form inner solutions against brute-force minimisation of the same least-squares / likelihood terms,
 * including solutions clipped to the bounds.
 */
class InnerOptimumTest {

    private static final PetabProblem.Scale LIN = PetabProblem.Scale.LIN;

    /** Scaling s and offset b on one lin observable, fixed σ; measurements 0..n-1. */
    private static InnerParameters pair(int n) {
        InnerParameters ip = new InnerParameters();
        ip.ids.add("s");
        ip.kinds.add(InnerParameters.Kind.SCALING);
        ip.ids.add("b");
        ip.kinds.add(InnerParameters.Kind.OFFSET);
        ip.scaling = new int[n];
        ip.offset = new int[n];
        ip.sigma = new int[n];
        Arrays.fill(ip.offset, 1);
        Arrays.fill(ip.sigma, -1);
        return ip;
    }

    private static double sse(double s, double b, double[] a, double[] m, double[] sig) {
        double f = 0;
        for (int i = 0; i < a.length; i++) {
            double r = (s * a[i] + b - m[i]) / sig[i];
            f += r * r;
        }
        return f;
    }

    @Test
    void scalingOffsetPairIsTheBoxConstrainedLeastSquaresSolution() {
        Random rng = new Random(5);
        int n = 12;
        double[] a = new double[n];
        double[] m = new double[n];
        double[] sig = new double[n];
        PetabProblem.Scale[] t = new PetabProblem.Scale[n];
        Arrays.fill(t, LIN);
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextDouble() * 5;
            m[i] = 2 * a[i] - 3 + 0.3 * rng.nextGaussian();
            sig[i] = 0.5 + rng.nextDouble();
        }
        // bounds {s: [lo, hi], b: [lo, hi]}: interior, offset clipped at 0 (true −3), both clipped
        double[][][] boxes = {{{-10, 10}, {-10, 10}}, {{-10, 10}, {0, 10}}, {{0, 1}, {-1, 10}}};
        for (double[][] box : boxes) {
            double[] lo = {box[0][0], box[1][0]};
            double[] hi = {box[0][1], box[1][1]};
            double[] v = InnerOptimum.solve(pair(n), a, sig, m, t, lo, hi, new double[]{1, 0});
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i <= 400; i++) {
                for (int j = 0; j <= 400; j++) {
                    double s = lo[0] + (hi[0] - lo[0]) * i / 400;
                    double b = lo[1] + (hi[1] - lo[1]) * j / 400;
                    best = Math.min(best, sse(s, b, a, m, sig));
                }
            }
            double f = sse(v[0], v[1], a, m, sig);
            assertTrue(v[0] >= lo[0] && v[0] <= hi[0] && v[1] >= lo[1] && v[1] <= hi[1], Arrays.toString(v));
            assertTrue(f <= best + 1e-12, "closed form " + f + " vs grid " + best + " in " + Arrays.deepToString(box));
        }
    }

    @Test
    void sigmaIsTheRmsResidualClippedToItsBounds() {
        int n = 4;
        InnerParameters ip = new InnerParameters();
        ip.ids.add("q");
        ip.kinds.add(InnerParameters.Kind.SIGMA);
        ip.scaling = new int[]{-1, -1, -1, -1};
        ip.offset = new int[]{-1, -1, -1, -1};
        ip.sigma = new int[]{0, 0, 0, 0};
        double[] a = {1, 2, 3, 4};
        double[] m = {1.5, 1.5, 3.5, 3.5};
        PetabProblem.Scale[] t = {LIN, LIN, LIN, LIN};
        double[] v = InnerOptimum.solve(ip, a, new double[n], m, t, new double[]{1e-5}, new double[]{1e5}, new double[]{1});
        assertEquals(0.5, v[0], 1e-15);
        double[] clipped = InnerOptimum.solve(ip, a, new double[n], m, t, new double[]{0.8}, new double[]{1e5}, new double[]{1});
        assertEquals(0.8, clipped[0], 0);
    }

    @Test
    void negativeLeastSquaresScalingIsClippedToThePositiveLowerBound() {
        InnerParameters ip = new InnerParameters();
        ip.ids.add("s");
        ip.kinds.add(InnerParameters.Kind.SCALING);
        ip.scaling = new int[]{0, 0};
        ip.offset = new int[]{-1, -1};
        ip.sigma = new int[]{-1, -1};
        double[] v = InnerOptimum.solve(ip, new double[]{1, 2}, new double[]{1, 1}, new double[]{-1, -2},
                new PetabProblem.Scale[]{LIN, LIN}, new double[]{1e-8}, new double[]{1e8}, new double[]{1});
        assertEquals(1e-8, v[0], 0);
        // log10-transformed: ln ŝ = mean of ln m − ln a (equal σ)
        double[] w = InnerOptimum.solve(ip, new double[]{1, 2}, new double[]{0.1, 0.1}, new double[]{3, 12},
                new PetabProblem.Scale[]{PetabProblem.Scale.LOG10, PetabProblem.Scale.LOG10}, new double[]{1e-8},
                new double[]{1e8}, new double[]{1});
        assertEquals(Math.sqrt(3 * 6), w[0], 1e-12);
    }
}
