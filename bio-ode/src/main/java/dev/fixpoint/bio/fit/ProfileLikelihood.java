package dev.fixpoint.bio.fit;

import dev.fixpoint.core.FixpointException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profile likelihoods: for parameter i, starting at the optimum θ̂ (objective f̂), θ_i is stepped down and up on
 * its scale; at each step the other parameters are re-optimised with θ_i fixed, warm-started from the previous
 * profile point. A side stops when f − f̂ reaches the threshold ({@link ProfileOptions#threshold()}, χ²₁(0.95)/2 ≈ 1.92
 * by default), at the parameter's bound (the interval is then open on that side) or after
 * {@link ProfileOptions#maxSteps()} points.
 *
 * <p>The step adapts so that f changes by about a tenth of the threshold per point: a point whose change exceeds
 * three tenths is rejected and retried with half the step; otherwise the next step is scaled by
 * √(target / change), limited to ×0.5 … ×2 and to the step range. Once the threshold is bracketed,
 * {@link ProfileOptions#refinements()} secant points sharpen the bracket and the interval end is the linear
 * interpolation of f − f̂ at the threshold between the two bracketing points.
 *
 * <p>The inner problem (θ_i fixed) is again a {@link LeastSquaresObjective} when the supplied problem is one, so
 * {@link LevenbergMarquardt} can be the inner optimiser there; otherwise it is a plain {@link BoundedProblem} (use
 * e.g. {@link ProjectedLbfgs}). Each profile takes its own problem instance from the supplier, so several profiles
 * run in parallel on an executor.
 */
public final class ProfileLikelihood {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileLikelihood.class);
    private static final double TARGET_FRACTION = 0.1;
    private static final double JUMP_FRACTION = 0.3;

    private final Optimizer optimizer;
    private final Supplier<? extends BoundedProblem> problems;
    private final ProfileOptions options;

    /**
     * @param optimizer re-optimises the other parameters at each profile point (shared by threads; stateless)
     * @param problems  gives a fresh problem instance per profile (called from the worker threads)
     * @param options   threshold and step control
     */
    public ProfileLikelihood(Optimizer optimizer, Supplier<? extends BoundedProblem> problems, ProfileOptions options) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.problems = Objects.requireNonNull(problems, "problems");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Computes the profile of one parameter on the calling thread.
     *
     * @param parameter index i, 0 … n−1
     * @param optimum   θ̂, length n, the optimum found by a (multi-start) optimisation; not modified
     * @return the profile with its interval
     * @throws FixpointException if i is out of range, θ̂ has the wrong length, or f(θ̂) cannot be evaluated
     */
    public Profile profile(int parameter, double[] optimum) {
        long t0 = System.nanoTime();
        BoundedProblem p = problems.get();
        int n = p.dimension();
        double[] lo = p.lower();
        double[] up = p.upper();
        double[] xHat = Box.start(n, lo, up, optimum);
        if (parameter < 0 || parameter >= n) {
            throw new FixpointException("InvalidParameter", "profile parameter index = " + parameter + ", expected 0 … "
                    + (n - 1));
        }
        double fHat;
        try {
            fHat = p.valueAndGradient(xHat, new double[n]);
        } catch (RuntimeException e) {
            throw new FixpointException("ProfileFailed", "the objective cannot be evaluated at the optimum: "
                    + Box.describe(e), e);
        }
        if (!Double.isFinite(fHat)) {
            throw new FixpointException("ProfileFailed", "the objective at the optimum is " + fHat);
        }
        Side side = new Side(p, parameter, fHat);
        ProfilePoint centre = new ProfilePoint(xHat[parameter], 0.0, xHat, OptimizerStatus.CONVERGED_GRADIENT, 1);
        List<ProfilePoint> points = new ArrayList<>();
        points.add(centre);
        double lower = side.walk(centre, -1, points);
        boolean lowerReached = side.reached;
        double upper = side.walk(centre, +1, points);
        boolean upperReached = side.reached;
        points.sort(Comparator.comparingDouble(ProfilePoint::theta));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        LOG.info("profile of parameter {}: [{}, {}] around {} ({} points, {} s)", parameter,
                lowerReached ? lower : "open", upperReached ? upper : "open", xHat[parameter], points.size(), seconds);
        return new Profile(parameter, xHat[parameter], fHat, options.threshold(), points, lowerReached, upperReached,
                lower, upper, seconds);
    }

    /**
     * Computes several profiles in parallel, one task per parameter.
     *
     * @param parameters indices to profile
     * @param optimum    θ̂, length n; not modified
     * @param executor   runs the profiles (not shut down here); null for a local pool of availableProcessors threads
     * @return the profiles in the order of {@code parameters}
     */
    public List<Profile> profiles(int[] parameters, double[] optimum, Executor executor) {
        ExecutorService local = executor == null
                ? Executors.newFixedThreadPool(Math.max(1, Math.min(parameters.length,
                        Runtime.getRuntime().availableProcessors())), r -> {
                            Thread t = new Thread(r, "fixpoint-profile");
                            t.setDaemon(true);
                            return t;
                        })
                : null;
        try {
            List<CompletableFuture<Profile>> futures = new ArrayList<>();
            for (int i : parameters) {
                futures.add(CompletableFuture.supplyAsync(() -> profile(i, optimum), local != null ? local : executor));
            }
            List<Profile> out = new ArrayList<>();
            for (CompletableFuture<Profile> f : futures) {
                out.add(f.join());
            }
            return out;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        } finally {
            if (local != null) {
                local.shutdown();
            }
        }
    }

    /**
     * Saves profiles as two TSV files (each written to a temporary file and moved into place).
     *
     * @param profiles     the profiles
     * @param namesOrNull  parameter names indexed by parameter index, or null for {@code x_i}
     * @param pointsFile   one row per profile point: parameter, name, theta, delta, status, evaluations, x_0 … x_{n−1}
     * @param intervalsFile one row per profile: parameter, name, estimate, lower, upper ("open" when not reached),
     *                     reached flags, threshold, points, evaluations, seconds
     */
    public static void save(List<Profile> profiles, List<String> namesOrNull, Path pointsFile, Path intervalsFile) {
        ProfileTsv.write(profiles, namesOrNull, pointsFile, intervalsFile);
    }

    /** Walks one side of one profile. */
    private final class Side {
        final BoundedProblem full;
        final FixedParameter map;
        final BoundedProblem view;
        final int i;
        final double fHat;
        final double range;
        final double lo;
        final double up;
        boolean reached;

        Side(BoundedProblem full, int i, double fHat) {
            this.full = full;
            this.map = new FixedParameter(full.dimension(), i);
            if (full.dimension() == 1) {
                this.view = null;
            } else if (full instanceof LeastSquaresObjective ls) {
                this.view = new LeastSquaresObjective(new FixedParameterLeastSquares(ls.leastSquares(), map));
            } else {
                this.view = new FixedParameterProblem(full, map);
            }
            this.i = i;
            this.fHat = fHat;
            this.lo = full.lower()[i];
            this.up = full.upper()[i];
            double width = up - lo;
            this.range = Double.isFinite(width) && width > 0 ? width : 1.0;
        }

        /** @return the interval end on this side (±∞ when open); sets {@link #reached} */
        double walk(ProfilePoint centre, int dir, List<ProfilePoint> points) {
            reached = false;
            double bound = dir > 0 ? up : lo;
            double threshold = options.threshold();
            double target = TARGET_FRACTION * threshold;
            double minStep = options.minStep() * Math.max(range, 0);
            double maxStep = options.maxStep() * range;
            double step = options.initialStep() * range;
            ProfilePoint prev = centre;
            int count = 0;
            while (count < options.maxSteps() && prev.theta() != bound) {
                double theta = dir > 0 ? Math.min(bound, prev.theta() + step) : Math.max(bound, prev.theta() - step);
                ProfilePoint q = solve(theta, prev.x());
                double change = Math.abs(q.delta() - prev.delta());
                if (!Double.isFinite(q.delta()) || change > JUMP_FRACTION * threshold) {
                    if (step > minStep) {
                        step = Math.max(minStep, step / (Double.isFinite(q.delta()) ? 2 : 4));
                        continue;
                    }
                    if (!Double.isFinite(q.delta())) {
                        LOG.warn("profile of parameter {}: objective not finite at θ = {} even with the smallest step; "
                                + "side left open", i, theta);
                        break;
                    }
                }
                count++;
                points.add(q);
                if (q.delta() >= threshold) {
                    reached = true;
                    return refine(prev, q, points);
                }
                prev = q;
                double factor = Math.sqrt(target / Math.max(change, 1e-12 * threshold));
                step = Math.min(maxStep, Math.max(minStep, step * Math.min(2.0, Math.max(0.5, factor))));
            }
            return dir > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }

        double refine(ProfilePoint a, ProfilePoint b, List<ProfilePoint> points) {
            double threshold = options.threshold();
            for (int r = 0; r < options.refinements(); r++) {
                double theta = interpolate(a, b, threshold);
                if (theta == a.theta() || theta == b.theta()) {
                    break;
                }
                ProfilePoint c = solve(theta, a.x());
                if (!Double.isFinite(c.delta())) {
                    break;
                }
                points.add(c);
                if (c.delta() >= threshold) {
                    b = c;
                } else {
                    a = c;
                }
            }
            return interpolate(a, b, threshold);
        }

        double interpolate(ProfilePoint a, ProfilePoint b, double threshold) {
            double w = (threshold - a.delta()) / (b.delta() - a.delta());
            return a.theta() + Math.min(1, Math.max(0, w)) * (b.theta() - a.theta());
        }

        ProfilePoint solve(double theta, double[] warm) {
            try {
                if (view == null) {
                    double[] x = {theta};
                    double f = full.valueAndGradient(x, new double[1]);
                    return new ProfilePoint(theta, f - fHat, x, Double.isFinite(f) ? OptimizerStatus.CONVERGED_GRADIENT
                            : OptimizerStatus.FAILED, 1);
                }
                map.setValue(theta);
                OptimizerResult r = optimizer.minimize(view, map.reduce(warm, new double[warm.length - 1]));
                if (r.value() < fHat - 1e-6 * Math.max(1, Math.abs(fHat))) {
                    LOG.warn("profile of parameter {}: f = {} at θ = {} is below the optimum f̂ = {}; the optimum was not "
                            + "global or not converged", i, r.value(), theta, fHat);
                }
                return new ProfilePoint(theta, r.value() - fHat, map.expand(r.x()), r.status(), r.evaluations());
            } catch (RuntimeException e) {
                LOG.warn("profile of parameter {}: inner optimisation at θ = {} failed: {}", i, theta, Box.describe(e));
                double[] x = warm.clone();
                x[i] = theta;
                return new ProfilePoint(theta, Double.NaN, x, OptimizerStatus.FAILED, 0);
            }
        }
    }
}
