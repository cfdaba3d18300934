package dev.fixpoint.operators;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * A proper, closed, convex function {@code f} with a computable proximal map
 * {@code prox_{τf}(v) = argmin_x f(x) + ‖x − v‖² / (2τ)}.
 *
 * <p>Implementations override {@link #value} ({@code +∞} outside the domain, e.g. for indicators)
 * and {@link #computeProx}. The public {@link #prox} checks that {@code τ > 0} is finite and that
 * {@code v} has no NaN/Inf, naming the offending value. Every implementation passes
 * {@code ProximalFunctionContract} (operators test-jar): the Moreau identity
 * {@code v = prox_{τf}(v) + τ·prox_{f* / τ}(v/τ)} and the optimality of the returned point against
 * random perturbations.
 *
 * <p>Calculus ({@link #scaled}, {@link #shifted}, {@link #argumentScaled}, {@link #plusQuadratic},
 * {@link #conjugate}) returns new functions with closed-form proximal maps. Immutable, thread-safe.
 */
public abstract class ProximalFunction {

    /** @return a short name for messages and registries, e.g. {@code "l1"} */
    public String name() {
        return getClass().getSimpleName();
    }

    /** @return {@code f(x)}; {@code +∞} where {@code x} is outside the domain */
    public abstract double value(Tensor x);

    /**
     * Computes {@code out ← prox_{τf}(v)}. {@code out} has {@code v}'s shape and never aliases it;
     * every element must be written. {@code τ > 0} is finite and {@code v} is finite (checked).
     */
    protected abstract void computeProx(Tensor v, double tau, Tensor out);

    /** @return true when {@code f} is the indicator of a convex set (0 inside, +∞ outside); prox is then the projection */
    public boolean isIndicator() {
        return false;
    }

    /** @return {@code prox_{τf}(v)} in a new tensor */
    public final Tensor prox(Tensor v, double tau) {
        return proxInto(v, tau, null);
    }

    /**
     * @param out output of {@code v}'s shape (overwritten; must not alias {@code v}), or null to allocate
     * @return {@code out}
     * @throws FixpointException {@code [fixpoint/BadParameter]} for {@code τ ≤ 0}, NaN or ∞, and
     *         {@code [fixpoint/NonFinite]} for NaN/Inf in {@code v}
     */
    public final Tensor proxInto(Tensor v, double tau, Tensor out) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new FixpointException("BadParameter", name() + ".prox: step τ = " + tau
                    + " must be a finite positive number");
        }
        v.requireFinite(name() + ".prox input");
        Tensor o = out;
        if (o == null) {
            o = Tensor.zeros(v.shape());
        } else if (!Arrays.equals(o.shape(), v.shape())) {
            throw new ShapeMismatchException(name() + ".prox output", o.shape(), v.shape(), "the output must have the input's shape");
        } else if (o.data() == v.data() && o.offset() == v.offset()) {
            throw new IllegalArgumentException(name() + ".prox: the output must not alias the input");
        }
        computeProx(v, tau, o);
        return o;
    }

    /**
     * The value of the convex conjugate {@code f*(y) = sup_x ⟨x, y⟩ − f(x)}, for the functions that
     * have a closed form; used by {@link #conjugate()}.{@link #value}.
     *
     * @throws FixpointException {@code [fixpoint/NoConjugateValue]} by default
     */
    public double conjugateValue(Tensor y) {
        throw new FixpointException("NoConjugateValue", name() + " has no closed-form conjugate value "
                + "(its conjugate's prox is still available through the Moreau identity)");
    }

    // ------------------------------------------------------------------ calculus

    /** @return {@code λ·f} ({@code λ > 0}): {@code prox_{τλf} = prox_{(τλ)f}} */
    public ProximalFunction scaled(double lambda) {
        positive("scaled", "λ", lambda);
        ProximalFunction f = this;
        return new ProximalFunction() {
            @Override
            public String name() {
                return lambda + "·" + f.name();
            }

            @Override
            public double value(Tensor x) {
                return lambda * f.value(x);
            }

            @Override
            protected void computeProx(Tensor v, double tau, Tensor out) {
                f.computeProx(v, tau * lambda, out);
            }

            @Override
            public boolean isIndicator() {
                return f.isIndicator();
            }

            @Override
            public double conjugateValue(Tensor y) {
                return lambda * f.conjugateValue(y.mul(1 / lambda)); // (λf)*(y) = λ f*(y/λ)
            }
        };
    }

    /** @return {@code x ↦ f(x − z)}: {@code prox(v) = z + prox_f(v − z)} */
    public ProximalFunction shifted(Tensor z) {
        ProximalFunction f = this;
        Tensor shift = z.copy();
        return new ProximalFunction() {
            @Override
            public String name() {
                return f.name() + "(x−z)";
            }

            @Override
            public double value(Tensor x) {
                return f.value(x.sub(shift));
            }

            @Override
            protected void computeProx(Tensor v, double tau, Tensor out) {
                requireShape(v, shift, "shifted");
                f.computeProx(v.sub(shift), tau, out);
                out.addInto(shift, out);
            }

            @Override
            public boolean isIndicator() {
                return f.isIndicator();
            }

            @Override
            public double conjugateValue(Tensor y) {
                return f.conjugateValue(y) + y.dot(shift); // f(·−z)*(y) = f*(y) + ⟨z, y⟩
            }
        };
    }

    /** @return {@code x ↦ f(a·x)} ({@code a ≠ 0}): {@code prox(v) = prox_{a²τ f}(a v) / a} */
    public ProximalFunction argumentScaled(double a) {
        if (a == 0 || !Double.isFinite(a)) {
            throw new FixpointException("BadParameter", "argumentScaled: a = " + a + " must be finite and non-zero");
        }
        ProximalFunction f = this;
        return new ProximalFunction() {
            @Override
            public String name() {
                return f.name() + "(" + a + "·x)";
            }

            @Override
            public double value(Tensor x) {
                return f.value(x.mul(a));
            }

            @Override
            protected void computeProx(Tensor v, double tau, Tensor out) {
                f.computeProx(v.mul(a), tau * a * a, out);
                out.scaleInPlace(1 / a);
            }

            @Override
            public boolean isIndicator() {
                return f.isIndicator();
            }

            @Override
            public double conjugateValue(Tensor y) {
                return f.conjugateValue(y.mul(1 / a)); // f(a·)*(y) = f*(y/a)
            }
        };
    }

    /**
     * @return {@code f + (ρ/2)‖x − z‖²} ({@code ρ ≥ 0}):
     *         {@code prox_τ(v) = prox_{τ'f}((v + τρz)/(1 + τρ))} with {@code τ' = τ/(1 + τρ)}
     */
    public ProximalFunction plusQuadratic(double rho, Tensor z) {
        if (!(rho >= 0) || Double.isInfinite(rho)) {
            throw new FixpointException("BadParameter", "plusQuadratic: ρ = " + rho + " must be finite and ≥ 0");
        }
        ProximalFunction f = this;
        Tensor center = z.copy();
        return new ProximalFunction() {
            @Override
            public String name() {
                return f.name() + "+" + rho + "/2‖x−z‖²";
            }

            @Override
            public double value(Tensor x) {
                Tensor d = x.sub(center);
                return f.value(x) + 0.5 * rho * d.dot(d);
            }

            @Override
            protected void computeProx(Tensor v, double tau, Tensor out) {
                requireShape(v, center, "plusQuadratic");
                double s = 1 + tau * rho;
                Tensor w = v.add(center.mul(tau * rho)).mul(1 / s);
                f.computeProx(w, tau / s, out);
            }
        };
    }

    /**
     * @return the convex conjugate {@code f*}, whose prox comes from the Moreau identity
     *         {@code prox_{τf*}(v) = v − τ·prox_{f/τ}(v/τ)}; its value is {@link #conjugateValue}
     */
    public ProximalFunction conjugate() {
        ProximalFunction f = this;
        return new ProximalFunction() {
            @Override
            public String name() {
                return f.name() + "*";
            }

            @Override
            public double value(Tensor y) {
                return f.conjugateValue(y);
            }

            @Override
            protected void computeProx(Tensor v, double tau, Tensor out) {
                f.computeProx(v.mul(1 / tau), 1 / tau, out);   // prox_{f/τ}(v/τ)
                out.scaleInPlace(-tau);
                out.addInto(v, out);
            }

            @Override
            public double conjugateValue(Tensor x) {
                return f.value(x); // f** = f for closed convex f
            }

            @Override
            public ProximalFunction conjugate() {
                return f;
            }
        };
    }

    private static void positive(String op, String what, double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new FixpointException("BadParameter", op + ": " + what + " = " + x + " must be finite and positive");
        }
    }

    private static void requireShape(Tensor v, Tensor ref, String op) {
        if (!v.sameShape(ref)) {
            throw new ShapeMismatchException(op, v.shape(), ref.shape(), "the input must have the shape of the stored vector");
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
