package dev.fixpoint.bio.petab;

import dev.fixpoint.core.FixpointException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closed-form inner solutions of a hierarchical PEtab objective with normal noise, given the model output a
 * without the inner scalings and offsets: weighted least squares for a scaling (lin: s = Σwam/Σwa²; log/log10:
 * ln s = Σw(ln m − ln a)/Σw), an offset, or a scaling–offset pair (2×2 normal equations, box-constrained), and
 * σ² = mean of the squared residuals on the transformed scale for a noise parameter. When scalings and noise
 * parameters are coupled (a scaling's measurements use an inner σ) the two closed forms are alternated to a fixed
 * point (block coordinate descent; one round when a scaling's measurements share one σ). Every value is clipped
 * to the parameter's bounds, which for a one- or two-dimensional convex quadratic is the constrained optimum.
 */
final class InnerOptimum {

    private static final Logger LOG = LoggerFactory.getLogger(InnerOptimum.class);
    private static final int MAX_ROUNDS = 1000;

    private InnerOptimum() {
    }

    /**
     * @param ip        the inner structure
     * @param a         model output per measurement with inner scalings 1 and offsets 0 (read only)
     * @param sigmaFix  σ per measurement for rows without an inner σ (read only)
     * @param data      measured values (read only)
     * @param transform observable transformation per measurement
     * @param lower     linear lower bounds of the inner parameters
     * @param upper     linear upper bounds
     * @param fallback  value used when a closed form is undetermined (no information), clipped
     * @return the inner values on the linear scale [ip.ids.size()]
     */
    static double[] solve(InnerParameters ip, double[] a, double[] sigmaFix, double[] data, PetabProblem.Scale[] transform,
                          double[] lower, double[] upper, double[] fallback) {
        int p = ip.ids.size();
        int n = a.length;
        double[] v = new double[p];
        for (int j = 0; j < p; j++) {
            v[j] = ip.kinds.get(j) == InnerParameters.Kind.SIGMA ? clip(1, lower[j], upper[j])
                    : ip.kinds.get(j) == InnerParameters.Kind.SCALING ? clip(1, lower[j], upper[j]) : clip(0, lower[j], upper[j]);
        }
        for (int i = 0; i < n; i++) {
            if (ip.scaling[i] >= 0 && transform[i] != PetabProblem.Scale.LIN && !(a[i] > 0 && data[i] > 0)) {
                throw new FixpointException("PetabNonFinite", "measurement " + (i + 1) + ": the " + transform[i].name().toLowerCase()
                        + "-transformed observable needs positive simulation and data, got " + a[i] + " and " + data[i]);
            }
        }
        double[] sig = new double[n];
        double[] prev = new double[p];
        for (int round = 0; round < MAX_ROUNDS; round++) {
            System.arraycopy(v, 0, prev, 0, p);
            for (int i = 0; i < n; i++) {
                sig[i] = ip.sigma[i] >= 0 ? v[ip.sigma[i]] : sigmaFix[i];
            }
            for (int j = 0; j < p; j++) {
                if (ip.kinds.get(j) == InnerParameters.Kind.SCALING) {
                    scaling(ip, j, a, sig, data, transform, lower, upper, fallback, v);
                } else if (ip.kinds.get(j) == InnerParameters.Kind.OFFSET && !paired(ip, j)) {
                    offset(ip, j, a, sig, data, lower, upper, fallback, v);
                }
            }
            double[] ss = new double[p];
            int[] count = new int[p];
            for (int i = 0; i < n; i++) {
                int j = ip.sigma[i];
                if (j >= 0) {
                    double y = a[i] * (ip.scaling[i] >= 0 ? v[ip.scaling[i]] : 1) + (ip.offset[i] >= 0 ? v[ip.offset[i]] : 0);
                    double r = MeasurementModel.transform(transform[i], y)
                            - MeasurementModel.transform(transform[i], data[i]);
                    ss[j] += r * r;
                    count[j]++;
                }
            }
            for (int j = 0; j < p; j++) {
                if (count[j] > 0) {
                    v[j] = clip(Math.sqrt(ss[j] / count[j]), lower[j], upper[j]);
                }
            }
            double change = 0;
            for (int j = 0; j < p; j++) {
                change = Math.max(change, Math.abs(v[j] - prev[j]) / Math.max(Math.abs(v[j]), 1e-300));
            }
            if (change <= 1e-13 && round > 0) {
                return v;
            }
        }
        LOG.warn("hierarchical inner problem: scalings and noise parameters not at a fixed point after {} rounds", MAX_ROUNDS);
        return v;
    }

    private static boolean paired(InnerParameters ip, int offsetIndex) {
        for (int i = 0; i < ip.offset.length; i++) {
            if (ip.offset[i] == offsetIndex && ip.scaling[i] >= 0) {
                return true;
            }
        }
        return false;
    }

    private static void scaling(InnerParameters ip, int j, double[] a, double[] sig, double[] data,
                                PetabProblem.Scale[] transform, double[] lower, double[] upper, double[] fallback, double[] v) {
        double saa = 0, sa = 0, s1 = 0, sam = 0, sm = 0;
        int b = -1;
        boolean log = false;
        for (int i = 0; i < a.length; i++) {
            if (ip.scaling[i] != j) {
                continue;
            }
            b = ip.offset[i];
            if (transform[i] != PetabProblem.Scale.LIN) {
                log = true;
                double kappa = transform[i] == PetabProblem.Scale.LOG10 ? Math.log(10) : 1;
                double w = 1 / (sig[i] * sig[i] * kappa * kappa);
                s1 += w;
                sm += w * (Math.log(data[i]) - Math.log(a[i]));
            } else {
                double w = 1 / (sig[i] * sig[i]);
                saa += w * a[i] * a[i];
                sa += w * a[i];
                s1 += w;
                sam += w * a[i] * data[i];
                sm += w * data[i];
            }
        }
        if (log) {
            v[j] = clip(s1 > 0 ? Math.exp(sm / s1) : fallback[j], lower[j], upper[j]);
        } else if (b < 0) {
            v[j] = clip(saa > 0 ? sam / saa : fallback[j], lower[j], upper[j]);
        } else {
            pair(saa, sa, s1, sam, sm, j, b, lower, upper, fallback, v);
        }
    }

    /** Minimises f(s, b) = s²Saa + 2sbSa + b²S1 − 2sSam − 2bSm over the box of bounds. */
    private static void pair(double saa, double sa, double s1, double sam, double sm, int js, int jb, double[] lower,
                             double[] upper, double[] fallback, double[] v) {
        double det = saa * s1 - sa * sa;
        if (det > 1e-14 * saa * s1) {
            double s = (sam * s1 - sa * sm) / det;
            double b = (saa * sm - sa * sam) / det;
            if (s >= lower[js] && s <= upper[js] && b >= lower[jb] && b <= upper[jb]) {
                v[js] = s;
                v[jb] = b;
                return;
            }
        }
        double best = Double.POSITIVE_INFINITY;
        double[][] candidates = new double[4][];
        double[] sFixed = {lower[js], upper[js]};
        double[] bFixed = {lower[jb], upper[jb]};
        for (int k = 0; k < 2; k++) {
            double s = Double.isFinite(sFixed[k]) ? sFixed[k] : clip(fallback[js], lower[js], upper[js]);
            candidates[k] = new double[]{s, clip(s1 > 0 ? (sm - s * sa) / s1 : fallback[jb], lower[jb], upper[jb])};
            double b = Double.isFinite(bFixed[k]) ? bFixed[k] : clip(fallback[jb], lower[jb], upper[jb]);
            candidates[2 + k] = new double[]{clip(saa > 0 ? (sam - b * sa) / saa : fallback[js], lower[js], upper[js]), b};
        }
        for (double[] c : candidates) {
            double f = c[0] * c[0] * saa + 2 * c[0] * c[1] * sa + c[1] * c[1] * s1 - 2 * c[0] * sam - 2 * c[1] * sm;
            if (f < best) {
                best = f;
                v[js] = c[0];
                v[jb] = c[1];
            }
        }
    }

    private static void offset(InnerParameters ip, int j, double[] a, double[] sig, double[] data, double[] lower,
                               double[] upper, double[] fallback, double[] v) {
        double s1 = 0, sm = 0;
        for (int i = 0; i < a.length; i++) {
            if (ip.offset[i] == j) {
                double w = 1 / (sig[i] * sig[i]);
                s1 += w;
                sm += w * (data[i] - a[i]);
            }
        }
        v[j] = clip(s1 > 0 ? sm / s1 : fallback[j], lower[j], upper[j]);
    }

    private static double clip(double x, double lo, double hi) {
        return Math.min(Math.max(x, lo), hi);
    }
}
