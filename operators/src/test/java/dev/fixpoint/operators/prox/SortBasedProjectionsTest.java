package dev.fixpoint.operators.prox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The simplex and ℓ1-ball projections against an independent reference: bisection on the threshold
 * θ of {@code Σ max(vᵢ − θ, 0) = r} until the bracket is below {@code 1e-14} relative.
 */
class SortBasedProjectionsTest {
    private static final int[] SIZES = {1, 2, 3, 10, 57, 500, 3000};

    /** θ with {@code Σ max(aᵢ − θ, 0) = r}, by bisection (the sum is decreasing in θ). */
    private static double referenceThreshold(double[] a, double r) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : a) {
            max = Math.max(max, x);
        }
        double lo = max - r; // sum ≥ r here
        double hi = max;     // sum = 0 here
        for (int it = 0; it < 200 && hi - lo > 1e-14 * Math.max(1, Math.abs(hi)); it++) {
            double mid = 0.5 * (lo + hi);
            double s = 0;
            for (double x : a) {
                s += Math.max(x - mid, 0);
            }
            if (s > r) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double[] randomVector(SplittableRandom rng, int n, int kind) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                case 0 -> rng.nextGaussian() * 3;
                case 1 -> rng.nextInt(4) * 0.5;              // many ties
                default -> rng.nextDouble() * 1e-3;          // already near/inside, tiny entries
            };
        }
        return v;
    }

    /**
     * θ of the simplex projection by the sort-based rule (Held, Wolfe &amp; Crowder 1974; Duchi et al.
     * 2008): with u sorted in decreasing order, ρ = max{j : u_j − (Σ_{i≤j} u_i − r)/j > 0} and
     * θ = (Σ_{i≤ρ} u_i − r)/ρ. Written independently of the library's implementation.
     */
    private static double sortBasedThreshold(double[] a, double r) {
        double[] u = a.clone();
        java.util.Arrays.sort(u);
        double cumulative = 0;
        double theta = 0;
        for (int j = 1; j <= u.length; j++) {
            double uj = u[u.length - j];
            cumulative += uj;
            double t = (cumulative - r) / j;
            if (uj - t > 0) {
                theta = t;
            }
        }
        return theta;
    }

    @Test
    void simplexAndL1BallMatchASortBasedReference() {
        SplittableRandom rng = new SplittableRandom(1974);
        for (int n : SIZES) {
            for (int kind = 0; kind < 3; kind++) {
                double r = 0.5 + 3 * rng.nextDouble();
                double[] v = randomVector(rng, n, kind);
                double theta = sortBasedThreshold(v, r);
                Tensor x = Proximals.simplex(r).prox(Tensor.vector(v), 1.0);
                for (int i = 0; i < n; i++) {
                    assertEquals(Math.max(v[i] - theta, 0), x.data()[i], 1e-12 * (r + Math.abs(v[i])),
                            "simplex vs sort-based reference, n=" + n + " kind=" + kind + " at " + i);
                }
                double[] signed = v.clone();
                double[] abs = new double[n];
                double l1 = 0;
                for (int i = 0; i < n; i++) {
                    signed[i] = i % 3 == 0 ? -v[i] : v[i];
                    abs[i] = Math.abs(signed[i]);
                    l1 += abs[i];
                }
                Tensor y = Proximals.l1Ball(r).prox(Tensor.vector(signed), 1.0);
                double t = l1 <= r ? 0 : sortBasedThreshold(abs, r);
                for (int i = 0; i < n; i++) {
                    double ref = Math.copySign(Math.max(abs[i] - t, 0), signed[i]);
                    assertEquals(ref, y.data()[i], 1e-12 * (r + abs[i]),
                            "l1 ball vs sort-based reference, n=" + n + " kind=" + kind + " at " + i);
                }
            }
        }
    }

    @Test
    void simplexProjectionMatchesBisectionReference() {
        SplittableRandom rng = new SplittableRandom(314);
        double worst = 0;
        for (int n : SIZES) {
            for (int kind = 0; kind < 3; kind++) {
                for (double r : new double[]{1.0, 0.37, 25.0}) {
                    double[] v = randomVector(rng, n, kind);
                    double theta = referenceThreshold(v, r);
                    Tensor x = Proximals.simplex(r).prox(Tensor.vector(v), 1.0);
                    double sum = 0;
                    for (int i = 0; i < n; i++) {
                        double ref = Math.max(v[i] - theta, 0);
                        double err = Math.abs(x.data()[i] - ref);
                        worst = Math.max(worst, err);
                        assertTrue(err <= 1e-12 * (r + Math.abs(v[i])), "simplex n=" + n + " kind=" + kind + " r=" + r
                                + ": x[" + i + "] = " + x.data()[i] + " but reference " + ref);
                        assertTrue(x.data()[i] >= 0);
                        sum += x.data()[i];
                    }
                    assertEquals(r, sum, 1e-12 * r * Math.max(1, n / 100.0), "simplex sum, n=" + n);
                }
            }
        }
        assertTrue(worst < 1e-11, "worst deviation " + worst);
    }

    @Test
    void l1BallProjectionMatchesBisectionReference() {
        SplittableRandom rng = new SplittableRandom(2718);
        for (int n : SIZES) {
            for (int kind = 0; kind < 3; kind++) {
                for (double r : new double[]{1.0, 0.05, 40.0}) {
                    double[] v = randomVector(rng, n, kind);
                    for (int i = 0; i < n; i += 2) {
                        v[i] = -v[i];
                    }
                    double l1 = 0;
                    double[] abs = new double[n];
                    for (int i = 0; i < n; i++) {
                        abs[i] = Math.abs(v[i]);
                        l1 += abs[i];
                    }
                    Tensor x = Proximals.l1Ball(r).prox(Tensor.vector(v), 2.0);
                    if (l1 <= r) {
                        assertEquals(Tensor.vector(v), x, "inside the ball the projection is the identity");
                        continue;
                    }
                    double theta = referenceThreshold(abs, r);
                    double norm = 0;
                    for (int i = 0; i < n; i++) {
                        double ref = Math.copySign(Math.max(abs[i] - theta, 0), v[i]);
                        assertEquals(ref, x.data()[i], 1e-12 * (r + abs[i]), "l1Ball n=" + n + " kind=" + kind
                                + " r=" + r + " at " + i);
                        norm += Math.abs(x.data()[i]);
                    }
                    assertEquals(r, norm, 1e-12 * r * Math.max(1, n / 100.0));
                }
            }
        }
    }

    @Test
    void projectionsWorkOnViewsWithOffsets() {
        Tensor big = Tensor.randn(new SplittableRandom(1), 4, 5);
        Tensor rows = big.rows(2, 4); // offset 10
        Tensor ref = Proximals.simplex(1).prox(rows.copy(), 1);
        assertEquals(ref, Proximals.simplex(1).prox(rows, 1));
        Tensor out = Tensor.zeros(3, 5).rows(1, 3);
        Proximals.l1Ball(0.5).proxInto(rows, 1, out);
        assertEquals(Proximals.l1Ball(0.5).prox(rows.copy(), 1), out.copy());
    }
}
