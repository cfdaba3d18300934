package dev.fixpoint.bio.petab;

import dev.fixpoint.bio.GradientMethod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Compares the adjoint, forward-sensitivity and finite-difference gradients of a PEtab NLL at one point. The finite
 * differences are fourth-order central (step h on the parameter scale) where θ ± 2h stays within the bounds and
 * fourth-order one-sided (five points, pointing into the box) where it does not (many nominal values sit on a
 * bound). Differences are norm-wise relative: ‖a − b‖ / ‖b‖.
 *
 * @param value     NLL at the point
 * @param adjValue  NLL returned with the adjoint gradient
 * @param fwdValue  NLL returned with the forward gradient
 * @param adjVsFwd  ‖adjoint − forward‖ / ‖forward‖ over all parameters
 * @param adjVsFd   ‖adjoint − FD‖ / ‖FD‖ over the FD coordinates (NaN when no FD was asked for)
 * @param fwdVsFd   ‖forward − FD‖ / ‖FD‖ over the FD coordinates (NaN when none)
 * @param fdCoords  the coordinates differenced
 * @param oneSided  how many of them used one-sided differences
 * @param gradientNorm ‖forward gradient‖
 * @param adjointMs time of the adjoint gradient (ms)
 * @param forwardMs time of the forward gradient (ms)
 * @param fdMs      time of the finite differences (ms)
 */
public record PetabGradientCheck(double value, double adjValue, double fwdValue, double adjVsFwd, double adjVsFd,
                                 double fwdVsFd, int[] fdCoords, int oneSided, double gradientNorm, double adjointMs,
                                 double forwardMs, double fdMs) {

    /**
     * @param objective the objective (its integration options are used for every evaluation)
     * @param theta     the point, estimated parameters on their scales (read only)
     * @param fdSubset  0 for finite differences on every coordinate, k &gt; 0 for a subset of k coordinates drawn with
     *                  seed 7, −1 for none
     * @param h         finite-difference step on the scale
     * @return the comparison
     */
    public static PetabGradientCheck at(PetabObjective objective, double[] theta, int fdSubset, double h) {
        PetabProblem problem = objective.problem();
        int n = theta.length;
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            PetabProblem.Parameter par = problem.parameters().get(objective.estimated().get(i));
            lo[i] = par.scale().toScale(par.lower());
            hi[i] = par.scale().toScale(par.upper());
        }
        int[] coords = IntStream.range(0, n).toArray();
        if (fdSubset < 0) {
            coords = new int[0];
        } else if (fdSubset > 0 && fdSubset < n) {
            List<Integer> all = new ArrayList<>(IntStream.range(0, n).boxed().toList());
            Collections.shuffle(all, new Random(7));
            coords = all.subList(0, fdSubset).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        long t0 = System.nanoTime();
        double[] adj = new double[n];
        double vAdj = objective.gradient(theta, GradientMethod.ADJOINT, adj);
        long t1 = System.nanoTime();
        double[] fwd = new double[n];
        double vFwd = objective.gradient(theta, GradientMethod.FORWARD, fwd);
        long t2 = System.nanoTime();
        double value = objective.value(theta);
        double[] fd = new double[coords.length];
        int oneSided = 0;
        for (int c = 0; c < coords.length; c++) {
            int i = coords[c];
            double[] p = theta.clone();
            if (theta[i] - 2 * h >= lo[i] && theta[i] + 2 * h <= hi[i]) {
                double[] v = new double[4];
                double[] steps = {h, -h, 2 * h, -2 * h};
                for (int j = 0; j < 4; j++) {
                    p[i] = theta[i] + steps[j];
                    v[j] = objective.value(p);
                }
                fd[c] = (8 * (v[0] - v[1]) - (v[2] - v[3])) / (12 * h);
            } else {
                oneSided++;
                double s = theta[i] + 4 * h <= hi[i] ? h : -h;
                double[] v = new double[5];
                v[0] = value;
                for (int j = 1; j < 5; j++) {
                    p[i] = theta[i] + j * s;
                    v[j] = objective.value(p);
                }
                fd[c] = (-25 * v[0] + 48 * v[1] - 36 * v[2] + 16 * v[3] - 3 * v[4]) / (12 * s);
            }
        }
        long t3 = System.nanoTime();
        double[] adjSub = new double[coords.length];
        double[] fwdSub = new double[coords.length];
        for (int c = 0; c < coords.length; c++) {
            adjSub[c] = adj[coords[c]];
            fwdSub[c] = fwd[coords[c]];
        }
        boolean none = coords.length == 0;
        return new PetabGradientCheck(value, vAdj, vFwd, rel(adj, fwd), none ? Double.NaN : rel(adjSub, fd),
                none ? Double.NaN : rel(fwdSub, fd), coords, oneSided, norm(fwd), (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                (t3 - t2) / 1e6);
    }

    /**
     * @param objective the objective
     * @param seed      random seed
     * @return the nominal parameters moved uniformly within ±1 on their scales, clipped to the bounds
     */
    public static double[] randomPoint(PetabObjective objective, long seed) {
        double[] th = objective.nominalScaled();
        Random rng = new Random(seed);
        for (int i = 0; i < th.length; i++) {
            PetabProblem.Parameter par = objective.problem().parameters().get(objective.estimated().get(i));
            double a = Math.max(par.scale().toScale(par.lower()), th[i] - 1);
            double b = Math.min(par.scale().toScale(par.upper()), th[i] + 1);
            th[i] = a + (b - a) * rng.nextDouble();
        }
        return th;
    }

    private static double rel(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(d) / Math.max(norm(b), 1e-12);
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
