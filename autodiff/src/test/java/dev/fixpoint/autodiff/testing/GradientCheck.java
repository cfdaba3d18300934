package dev.fixpoint.autodiff.testing;

import dev.fixpoint.autodiff.ForwardMode;
import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finite-difference checks of derivatives computed by automatic differentiation: the contract every
 * differentiable operation passes (published in the autodiff test-jar).
 *
 * <p><b>Functions.</b> A function {@code f : (x₁, …, xₖ) ↦ y} is given as {@code Function<Var[], Var>}
 * over its differentiable inputs (constants such as labels are captured). An output that is not a
 * scalar is checked through the random projection {@code φ(x) = ⟨w, f(x)⟩} with {@code w} standard
 * normal from the fixed seed of the {@link Settings}; a rank-0 output uses {@code w = 1}.
 *
 * <p><b>Differences.</b> Derivatives are estimated by central differences with one step of Richardson
 * extrapolation, {@code D = (4·D(h/2) − D(h)) / 3} with {@code D(h) = (φ(x + h) − φ(x − h)) / 2h},
 * whose truncation error is {@code O(h⁴)}. The step for element {@code xᵢ} is {@code relativeStep·max(1, |xᵢ|)}
 * rounded down to a power of two (so {@code h/2} is exact); the default {@code 1e-3} balances an
 * {@code O(h⁴) ≈ 1e-12} truncation error against an {@code O(ε/h) ≈ 1e-13} rounding error, both
 * relative to the scale of {@code φ}. Along a direction {@code v} the step is
 * {@code relativeStep·max(1, maxᵢ‖xᵢ‖∞) / max‖v‖∞}. Points must stay farther than a few steps from
 * kinks (relu, abs, thresholds, ties of max).
 *
 * <p><b>Errors</b> are the relative errors of {@link Discrepancy}: {@code |a − n| / max(|a|, |n|, floor)}
 * with {@code floor = floorFactor·max(1, max|n|)} ({@code floorFactor = 1e-3} by default), reported
 * with the element where the largest occurs.
 *
 * <p>Inputs are copied; the caller's tensors are not modified. Each check records on its own tapes.
 */
public final class GradientCheck {
    /** The default bound on relative errors of finite-difference comparisons. */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** The default lower bound on the Taylor-remainder convergence rate (ideal: 2). */
    public static final double DEFAULT_MIN_RATE = 1.9;
    /** The bound on the dot-product test, which compares two exact modes and sees only rounding. */
    public static final double EXACT_TOLERANCE = 1e-10;
    /** A remainder enters a rate only if it exceeds the rounding level this many times. */
    private static final double USABLE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(GradientCheck.class);

    /**
     * Parameters of the checks.
     *
     * @param relativeStep   finite-difference step relative to {@code max(1, |x|)}
     * @param floorFactor    the relative-error floor, times {@code max(1, max|numeric|)}
     * @param seed           seed of the projection {@code w} and the directions {@code v}
     * @param taylorStep     first Taylor step {@code h₀}, relative to {@code max(1, max‖x‖∞) / max‖v‖∞}
     * @param taylorHalvings number of halvings of the Taylor step (≥ 2)
     */
    public record Settings(double relativeStep, double floorFactor, long seed, double taylorStep, int taylorHalvings) {
        /** {@code 1e-3, 1e-3, 20240611, 1e-2, 8}. */
        public static final Settings DEFAULT = new Settings(1e-3, 1e-3, 20240611L, 1e-2, 8);

        /** Validates the components. */
        public Settings {
            if (!(relativeStep > 0) || !(floorFactor > 0) || !(taylorStep > 0) || taylorHalvings < 2) {
                throw new IllegalArgumentException("gradient-check settings need positive steps and floor and at least "
                        + "2 Taylor halvings; got " + relativeStep + ", " + floorFactor + ", " + taylorStep + ", " + taylorHalvings);
            }
        }

        /** @return these settings with another seed */
        public Settings withSeed(long newSeed) {
            return new Settings(relativeStep, floorFactor, newSeed, taylorStep, taylorHalvings);
        }
    }

    private GradientCheck() {
    }

    // ------------------------------------------------------------------ all checks

    /** @return {@link #check(String, Function, Settings, Tensor...)} with {@link Settings#DEFAULT} */
    public static GradientCheckReport check(String name, Function<Var[], Var> f, Tensor... inputs) {
        return check(name, f, Settings.DEFAULT, inputs);
    }

    /**
     * Runs the gradient check, the JVP check, the dot-product test and the Taylor-remainder test.
     *
     * @param name   what is checked, for the report
     * @param f      the function (its operations need reverse and forward rules)
     * @param inputs the evaluation point, one tensor per input of {@code f} (not modified)
     */
    public static GradientCheckReport check(String name, Function<Var[], Var> f, Settings settings, Tensor... inputs) {
        Problem p = new Problem(f, settings, inputs);
        Tensor[] grad = p.reverseGradient(p.x);
        Tensor[] v = p.directions();
        Tensor jv = ForwardMode.jvp(f, copies(p.x), v).tangent();
        GradientCheckReport report = new GradientCheckReport(name, p.gradientDiscrepancy(grad), p.jvpDiscrepancy(jv, v),
                p.dotProductError(jv, grad, v), p.taylor(grad, v));
        LOG.debug("{}", report);
        return report;
    }

    /**
     * Runs every check with the default settings and bounds ({@link #DEFAULT_TOLERANCE},
     * {@link #DEFAULT_MIN_RATE}).
     *
     * @return the report, for further assertions or logging
     * @throws AssertionError with the report if a check fails
     */
    public static GradientCheckReport assertGradients(String name, Function<Var[], Var> f, Tensor... inputs) {
        return check(name, f, inputs).assertPasses(DEFAULT_TOLERANCE, DEFAULT_MIN_RATE);
    }

    // ------------------------------------------------------------------ single checks

    /** @return reverse-mode gradient of {@code ⟨w, f(x)⟩} against Richardson central differences */
    public static Discrepancy gradient(Function<Var[], Var> f, Settings settings, Tensor... inputs) {
        Problem p = new Problem(f, settings, inputs);
        return p.gradientDiscrepancy(p.reverseGradient(p.x));
    }

    /** @return forward-mode {@code J·v} (random {@code v}) against Richardson central differences along {@code v} */
    public static Discrepancy jvp(Function<Var[], Var> f, Settings settings, Tensor... inputs) {
        Problem p = new Problem(f, settings, inputs);
        Tensor[] v = p.directions();
        return p.jvpDiscrepancy(ForwardMode.jvp(f, copies(p.x), v).tangent(), v);
    }

    /** @return the Taylor-remainder test of {@code ⟨w, f⟩} along a random direction, with the reverse-mode gradient */
    public static TaylorRemainder taylor(Function<Var[], Var> f, Settings settings, Tensor... inputs) {
        Problem p = new Problem(f, settings, inputs);
        return p.taylor(p.reverseGradient(p.x), p.directions());
    }

    /**
     * Reverse-over-reverse Hessian-vector product {@code H·v} of {@code φ = ⟨w, f⟩}, from
     * {@link Tape#gradients} with {@code createGraph = true} and a second reverse pass, against Richardson
     * central differences of the reverse-mode gradient along {@code v}.
     */
    public static Discrepancy hessianVector(Function<Var[], Var> f, Settings settings, Tensor... inputs) {
        Problem p = new Problem(f, settings, inputs);
        Tensor[] v = p.directions();
        return p.hvpDiscrepancy(p.hessianVector(v), v);
    }

    /**
     * @return the Hessian-vector discrepancy with the default settings
     * @throws AssertionError if its relative error exceeds {@link #DEFAULT_TOLERANCE}
     */
    public static Discrepancy assertHessianVector(String name, Function<Var[], Var> f, Tensor... inputs) {
        Discrepancy d = hessianVector(f, Settings.DEFAULT, inputs);
        LOG.debug("Hessian-vector check of {}: {}", name, d);
        if (!d.within(DEFAULT_TOLERANCE)) {
            throw new AssertionError("Hessian-vector check of " + name + " failed (tolerance " + DEFAULT_TOLERANCE
                    + "): reverse-over-reverse vs differences of gradients: " + d);
        }
        return d;
    }

    // ------------------------------------------------------------------ machinery

    static Tensor[] copies(Tensor[] xs) {
        Tensor[] c = new Tensor[xs.length];
        for (int i = 0; i < xs.length; i++) {
            c[i] = xs[i].copy();
        }
        return c;
    }

    /** One function at one point, with its projection {@code w}. */
    private static final class Problem {
        private final Function<Var[], Var> f;
        private final Settings s;
        private final Tensor[] x;
        private final Tensor w;
        private final SplittableRandom rng;

        Problem(Function<Var[], Var> f, Settings s, Tensor[] inputs) {
            this.f = f;
            this.s = s;
            this.x = copies(inputs);
            this.rng = new SplittableRandom(s.seed());
            Tensor y = evaluate(x);
            this.w = y.rank() == 0 ? Tensor.scalar(1.0) : Tensor.randn(rng, y.shape());
        }

        Tensor evaluate(Tensor[] at) {
            Var[] c = new Var[at.length];
            for (int i = 0; i < at.length; i++) {
                c[i] = Var.constant(at[i]);
            }
            return f.apply(c).value();
        }

        /** φ(at) = ⟨w, f(at)⟩. */
        double project(Tensor[] at) {
            Tensor y = evaluate(at);
            if (!Arrays.equals(y.shape(), w.shape())) {
                throw new AssertionError("the function's output shape changed from " + Arrays.toString(w.shape())
                        + " to " + Arrays.toString(y.shape()) + " under a small perturbation");
            }
            double[] yd = y.data();
            double[] wd = w.data();
            int yo = y.offset();
            double sum = 0;
            for (int i = 0; i < wd.length; i++) {
                sum += wd[i] * yd[yo + i];
            }
            return sum;
        }

        Tensor[] directions() {
            SplittableRandom r = new SplittableRandom(s.seed() ^ 0x5DEECE66DL);
            Tensor[] v = new Tensor[x.length];
            for (int i = 0; i < x.length; i++) {
                v[i] = Tensor.randn(r, x[i].shape());
            }
            return v;
        }

        Tensor[] reverseGradient(Tensor[] at) {
            try (Tape tape = new Tape()) {
                Var[] vars = new Var[at.length];
                for (int i = 0; i < at.length; i++) {
                    vars[i] = tape.variable(at[i]);
                }
                Var y = f.apply(vars);
                Tensor[] g = new Tensor[at.length];
                if (y.requiresGrad()) {
                    tape.backward(y, w);
                }
                for (int i = 0; i < at.length; i++) {
                    g[i] = vars[i].grad() == null ? Tensor.zeros(at[i].shape()) : vars[i].grad();
                }
                return g;
            }
        }

        Tensor[] hessianVector(Tensor[] v) {
            try (Tape tape = new Tape()) {
                Var[] vars = new Var[x.length];
                for (int i = 0; i < x.length; i++) {
                    vars[i] = tape.variable(x[i]);
                }
                Var y = f.apply(vars);
                Tensor[] hv = new Tensor[x.length];
                Var gv = null;
                if (y.requiresGrad()) {
                    Var[] g = tape.gradients(y, w, vars, true);
                    for (int i = 0; i < x.length; i++) {
                        Var term = Ops.dot(g[i], Var.constant(v[i]));
                        gv = gv == null ? term : Ops.add(gv, term);
                    }
                }
                Var[] h = gv != null && gv.requiresGrad() ? tape.gradients(gv, null, vars, false) : null;
                for (int i = 0; i < x.length; i++) {
                    hv[i] = h == null ? Tensor.zeros(x[i].shape()) : h[i].value();
                }
                return hv;
            }
        }

        /** Power-of-two step ≤ relativeStep·max(1, |xi|). */
        private double step(double xi) {
            return Math.scalb(1.0, Math.getExponent(s.relativeStep() * Math.max(1.0, Math.abs(xi))));
        }

        private double alongStep(Tensor[] v) {
            double xm = 1;
            double vm = 0;
            for (int i = 0; i < x.length; i++) {
                xm = Math.max(xm, x[i].normInf());
                vm = Math.max(vm, v[i].normInf());
            }
            return vm == 0 ? 0 : Math.scalb(1.0, Math.getExponent(s.relativeStep() * xm / vm));
        }

        Discrepancy gradientDiscrepancy(Tensor[] analytic) {
            Tensor[] numeric = new Tensor[x.length];
            for (int i = 0; i < x.length; i++) {
                numeric[i] = Tensor.zeros(x[i].shape());
                double[] d = x[i].data();
                for (int j = 0; j < d.length; j++) {
                    double keep = d[j];
                    double h = step(keep);
                    double[] phi = new double[4];
                    double[] at = {keep + h, keep - h, keep + h / 2, keep - h / 2};
                    for (int e = 0; e < 4; e++) {
                        d[j] = at[e];
                        phi[e] = project(x);
                    }
                    d[j] = keep;
                    numeric[i].data()[j] = richardson(phi[0], phi[1], phi[2], phi[3], h);
                }
            }
            return compare(analytic, numeric, 0);
        }

        private static double richardson(double fph, double fmh, double fph2, double fmh2, double h) {
            double d1 = (fph - fmh) / (2 * h);
            double d2 = (fph2 - fmh2) / h;
            return (4 * d2 - d1) / 3;
        }

        /** x + t·v, fresh tensors. */
        private Tensor[] shifted(Tensor[] v, double t) {
            Tensor[] y = new Tensor[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = x[i].copy().axpyInPlace(t, v[i]);
            }
            return y;
        }

        Discrepancy jvpDiscrepancy(Tensor jv, Tensor[] v) {
            double h = alongStep(v);
            if (h == 0) {
                return compare(new Tensor[]{jv}, new Tensor[]{Tensor.zeros(jv.shape())}, -1);
            }
            Tensor fph = evaluate(shifted(v, h));
            Tensor fmh = evaluate(shifted(v, -h));
            Tensor fph2 = evaluate(shifted(v, h / 2));
            Tensor fmh2 = evaluate(shifted(v, -h / 2));
            Tensor numeric = Tensor.zeros(jv.shape());
            double[] n = numeric.data();
            for (int k = 0; k < n.length; k++) {
                n[k] = richardson(fph.data()[fph.offset() + k], fmh.data()[fmh.offset() + k],
                        fph2.data()[fph2.offset() + k], fmh2.data()[fmh2.offset() + k], h);
            }
            return compare(new Tensor[]{jv}, new Tensor[]{numeric}, -1);
        }

        Discrepancy hvpDiscrepancy(Tensor[] hv, Tensor[] v) {
            double h = alongStep(v);
            Tensor[] numeric = new Tensor[x.length];
            if (h == 0) {
                for (int i = 0; i < x.length; i++) {
                    numeric[i] = Tensor.zeros(x[i].shape());
                }
                return compare(hv, numeric, 0);
            }
            Tensor[] gph = reverseGradient(shifted(v, h));
            Tensor[] gmh = reverseGradient(shifted(v, -h));
            Tensor[] gph2 = reverseGradient(shifted(v, h / 2));
            Tensor[] gmh2 = reverseGradient(shifted(v, -h / 2));
            for (int i = 0; i < x.length; i++) {
                numeric[i] = Tensor.zeros(x[i].shape());
                double[] n = numeric[i].data();
                for (int k = 0; k < n.length; k++) {
                    n[k] = richardson(at(gph[i], k), at(gmh[i], k), at(gph2[i], k), at(gmh2[i], k), h);
                }
            }
            return compare(hv, numeric, 0);
        }

        double dotProductError(Tensor jv, Tensor[] grad, Tensor[] v) {
            double a = 0;
            double magA = 0;
            for (int k = 0; k < w.size(); k++) {
                double term = w.data()[k] * jv.data()[jv.offset() + k];
                a += term;
                magA += Math.abs(term);
            }
            double b = 0;
            double magB = 0;
            for (int i = 0; i < grad.length; i++) {
                for (int k = 0; k < v[i].size(); k++) {
                    double term = grad[i].data()[grad[i].offset() + k] * v[i].data()[k];
                    b += term;
                    magB += Math.abs(term);
                }
            }
            double scale = Math.max(Math.max(Math.abs(a), Math.abs(b)), Math.max(Math.max(magA, magB), Double.MIN_NORMAL));
            return Math.abs(a - b) / scale;
        }

        TaylorRemainder taylor(Tensor[] grad, Tensor[] v) {
            int levels = s.taylorHalvings() + 1;
            double[] steps = new double[levels];
            double[] r = new double[levels];
            double[] rates = new double[levels - 1];
            double slope = 0;
            for (int i = 0; i < x.length; i++) {
                for (int k = 0; k < v[i].size(); k++) {
                    slope += grad[i].data()[grad[i].offset() + k] * v[i].data()[k];
                }
            }
            double h0 = alongStep(v) * (s.taylorStep() / s.relativeStep());
            double phi0 = project(x);
            double noise = 0;
            for (int k = 0; k < levels; k++) {
                steps[k] = h0 * Math.scalb(1.0, -k);
                double phi = project(shifted(v, steps[k]));
                r[k] = Math.abs(phi - phi0 - steps[k] * slope);
                noise = Math.max(noise, 1e3 * Math.ulp(1.0) * (Math.abs(phi) + Math.abs(phi0) + Math.abs(steps[k] * slope)));
            }
            boolean allAtNoise = true;
            for (int k = 0; k < levels; k++) {
                allAtNoise &= r[k] <= noise;
            }
            double rate = Double.POSITIVE_INFINITY;
            int usable = 0;
            for (int k = 0; k < rates.length; k++) {
                boolean ok = r[k] > USABLE * noise && r[k + 1] > USABLE * noise;
                rates[k] = ok ? Math.log(r[k] / r[k + 1]) / Math.log(2) : Double.NaN;
                if (ok) {
                    usable++;
                    rate = Math.min(rate, rates[k]);
                }
            }
            if (!(h0 == 0 || allAtNoise) && usable == 0) {
                rate = Double.NaN;
            }
            return new TaylorRemainder(steps, r, rates, noise, rate);
        }

        /** Elementwise comparison over several tensors; {@code inputBase} 0 for inputs, -1 for the output. */
        Discrepancy compare(Tensor[] analytic, Tensor[] numeric, int inputBase) {
            double maxNumeric = 0;
            int count = 0;
            for (Tensor n : numeric) {
                maxNumeric = Math.max(maxNumeric, n.normInf());
                count += n.size();
            }
            double floor = s.floorFactor() * Math.max(1.0, maxNumeric);
            if (count == 0) {
                return Discrepancy.none(floor);
            }
            double worst = -1;
            int wi = -1;
            int wk = -1;
            for (int i = 0; i < numeric.length; i++) {
                for (int k = 0; k < numeric[i].size(); k++) {
                    double a = analytic[i].data()[analytic[i].offset() + k];
                    double n = numeric[i].data()[numeric[i].offset() + k];
                    double e = Math.abs(a - n) / Math.max(Math.max(Math.abs(a), Math.abs(n)), floor);
                    if (Double.isNaN(e)) {
                        e = Double.POSITIVE_INFINITY;
                    }
                    if (e > worst) {
                        worst = e;
                        wi = i;
                        wk = k;
                    }
                }
            }
            Tensor a = analytic[wi];
            Tensor n = numeric[wi];
            return new Discrepancy(worst, inputBase < 0 ? -1 : wi, unflatten(n.shape(), wk),
                    a.data()[a.offset() + wk], n.data()[n.offset() + wk], floor, count);
        }

        private static double at(Tensor t, int k) {
            return t.data()[t.offset() + k];
        }
    }

    static int[] unflatten(int[] shape, int flat) {
        int[] idx = new int[shape.length];
        for (int k = shape.length - 1; k >= 0; k--) {
            idx[k] = flat % shape[k];
            flat /= shape[k];
        }
        return idx;
    }
}
