package dev.fixpoint.operators.prox.diff;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * Proximal maps {@code prox_{τf}(v) = argmin_x f(x) + ‖x − v‖²/(2τ)} as differentiable operations:
 * gradients (reverse mode) and tangents (forward mode, {@link dev.fixpoint.autodiff.ForwardMode})
 * flow to the input {@code v} and to every parameter given as a {@link Var} — so a step, a
 * regularisation weight or a radius can be learned, e.g. the thresholds of an unrolled ISTA (LISTA).
 * Pass a constant ({@link Var#constant(double)}) for a parameter that is not learned.
 *
 * <p><b>Shapes.</b> Elementwise maps accept any shape of {@code v}; their parameters are
 * <em>broadcastable</em> to it (NumPy rules: a scalar {@code []}, a per-feature row {@code [n]}, …),
 * and their cotangents come back summed to the parameter's own shape. The vector maps (group,
 * simplex, balls, TV, quadratic) take {@code v} of shape {@code [n]} and scalar parameters. The
 * output always has {@code v}'s shape. Shape mismatches throw
 * {@link dev.fixpoint.core.ShapeMismatchException} naming both shapes; parameters outside their
 * range throw {@code [fixpoint/BadParameter]} naming the value.
 *
 * <p><b>Kinks.</b> Derivatives exist almost everywhere; at a kink the one-sided derivative of the
 * active side is taken (thresholded, clamped, projected), as stated on each method.
 *
 * <p><b>Order.</b> Piecewise-linear maps (L1, elastic net, squared L2, box, L∞ ball) have VJPs
 * written with differentiable operations (exact Hessian-vector products through them); the others
 * are differentiable once (a second derivative throws {@code [fixpoint/OnceDifferentiable]}).
 *
 * <p>Stateless; inputs are never modified.
 */
public final class DifferentiableProx {
    private DifferentiableProx() {
    }

    // ------------------------------------------------------------------ L1 family

    /**
     * Soft thresholding, the prox of {@code ‖·‖₁} with the per-element threshold {@code θ}
     * (already multiplied by the step): {@code x = sign(v)·max(|v| − θ, 0)}.
     * {@code ∂x/∂v = [|v| > θ]}, {@code ∂x/∂θ = −sign(v)·[|v| > θ]}; at {@code |v| = θ} both are 0
     * (thresholded side). Delegates to {@link Ops#softThreshold}.
     *
     * @param v     any shape
     * @param theta broadcastable to {@code v}; normally ≥ 0
     */
    public static Var l1(Var v, Var theta) {
        return Ops.softThreshold(v, theta);
    }

    /**
     * The prox of the weighted L1 norm {@code λ·Σ wᵢ|xᵢ|} with step {@code τ}: soft thresholding at
     * {@code θ = τ·λ·w}; derivatives by the chain rule through {@link #l1}.
     *
     * @param tau     step, broadcastable to {@code v} (usually a scalar)
     * @param lambda  weight, broadcastable to {@code v}
     * @param weights per-element weights ≥ 0, broadcastable to {@code v}
     */
    public static Var weightedL1(Var v, Var tau, Var lambda, Var weights) {
        return l1(v, Ops.mul(Ops.mul(tau, lambda), weights));
    }

    /**
     * The prox of the elastic net {@code λ₁‖x‖₁ + (λ₂/2)‖x‖²}: soft thresholding at {@code τλ₁},
     * then scaling by {@code 1/(1 + τλ₂)}. Kinks as {@link #l1}.
     *
     * @param tau     step, broadcastable to {@code v}
     * @param lambda1 L1 weight, broadcastable to {@code v}
     * @param lambda2 ridge weight ({@code 1 + τλ₂ > 0}), broadcastable to {@code v}
     */
    public static Var elasticNet(Var v, Var tau, Var lambda1, Var lambda2) {
        Var shrunk = l1(v, Ops.mul(tau, lambda1));
        return Ops.div(shrunk, Ops.add(Var.constant(1.0), Ops.mul(tau, lambda2)));
    }

    /**
     * The prox of {@code (λ/2)‖x‖²}: {@code x = v/(1 + τλ)}; smooth.
     *
     * @param tau    step, broadcastable to {@code v}
     * @param lambda weight ({@code 1 + τλ > 0}), broadcastable to {@code v}
     */
    public static Var squaredL2(Var v, Var tau, Var lambda) {
        return Ops.div(v, Ops.add(Var.constant(1.0), Ops.mul(tau, lambda)));
    }

    /**
     * The prox of {@code τ·Σ h_δ(xᵢ)} with the Huber function {@code h_δ(x) = x²/2} for
     * {@code |x| ≤ δ}, {@code δ(|x| − δ/2)} beyond: {@code x = v/(1+τ)} for {@code |v| < δ(1+τ)},
     * else {@code v − τδ·sign(v)}. At {@code |v| = δ(1+τ)} the linear region's derivatives are
     * taken. For {@code λ·h_δ} pass the step {@code τλ}.
     *
     * @param tau   step {@code > 0}, broadcastable to {@code v}
     * @param delta threshold {@code δ > 0}, broadcastable to {@code v}
     */
    public static Var huber(Var v, Var tau, Var delta) {
        int[] s = v.shape();
        return HuberProxOp.INSTANCE.apply(v, ProxParameters.align("proxHuber", "τ", tau, s),
                ProxParameters.align("proxHuber", "δ", delta, s));
    }

    // ------------------------------------------------------------------ boxes

    /**
     * Projection onto the box {@code [lo, hi]} (the prox of its indicator, for any step):
     * {@code x = min(max(v, lo), hi)}. {@code ∂x/∂v = [lo < v < hi]}, {@code ∂x/∂lo = [v ≤ lo]},
     * {@code ∂x/∂hi = [v ≥ hi]} (and not {@code ≤ lo}): an element on a bound counts as clamped.
     *
     * @param lo lower bounds, broadcastable to {@code v}
     * @param hi upper bounds ({@code lo ≤ hi}, checked), broadcastable to {@code v}
     */
    public static Var box(Var v, Var lo, Var hi) {
        int[] s = v.shape();
        return BoxProjectionOp.INSTANCE.apply(v, ProxParameters.align("proxBox", "lo", lo, s),
                ProxParameters.align("proxBox", "hi", hi, s));
    }

    /**
     * Projection onto the L∞ ball {@code ‖x‖∞ ≤ r}: the box {@code [−r, r]}, so
     * {@code ∂x/∂r = sign(v)·[|v| ≥ r]}.
     *
     * @param radius {@code r ≥ 0}, broadcastable to {@code v}
     */
    public static Var lInfBall(Var v, Var radius) {
        return box(v, Ops.neg(radius), radius);
    }

    // ------------------------------------------------------------------ groups

    /**
     * Block soft thresholding, the prox of the group-L1 (L2,1) norm {@code Σ_g θ_g‖x_g‖₂} over
     * disjoint groups (thresholds already multiplied by the step): {@code x_g = (1 − θ_g/‖v_g‖)₊ v_g}.
     * For an active group, with {@code u = v_g/‖v_g‖}: {@code ∂x_g/∂v_g = (1 − θ_g/‖v_g‖)I +
     * (θ_g/‖v_g‖)uuᵀ}, {@code ∂x_g/∂θ_g = −u}; a group with {@code ‖v_g‖ ≤ θ_g} (kink included) has
     * zero derivatives.
     *
     * @param v       any shape; {@code groupOf} indexes its row-major elements
     * @param theta   one threshold (one element) or one per group ({@code [G]}), {@code ≥ 0}
     * @param groupOf group index in {@code [0, G)} of every element of {@code v}; no group empty
     */
    public static Var groupL1(Var v, Var theta, int[] groupOf) {
        if (groupOf.length != v.size()) {
            throw new ShapeMismatchException("proxGroupL1 groups", new int[]{groupOf.length}, v.shape(),
                    "one group index per element of v");
        }
        GroupSoftThresholdOp op = new GroupSoftThresholdOp(groupOf);
        Var t = theta.size() == 1 ? scalar("proxGroupL1", "θ", theta) : theta;
        if (t.shape().length != 0 && !Arrays.equals(t.shape(), new int[]{op.groups()})) {
            throw new ShapeMismatchException("proxGroupL1 θ", t.shape(), new int[]{op.groups()},
                    "θ must be a scalar or hold one threshold per group");
        }
        return op.apply(v, t);
    }

    /**
     * The L2,1 prox of a matrix {@code [m, n]} with its rows as groups: {@link #groupL1} with
     * {@code θ} a scalar or {@code [m]}.
     */
    public static Var l21Rows(Var v, Var theta) {
        int[] s = v.shape();
        if (s.length != 2) {
            throw new ShapeMismatchException("proxL21Rows: v must be a matrix [m, n], got shape " + Arrays.toString(s));
        }
        int[] groupOf = new int[v.size()];
        for (int i = 0; i < groupOf.length; i++) {
            groupOf[i] = i / s[1];
        }
        return groupL1(v, theta, groupOf);
    }

    // ------------------------------------------------------------------ projections

    /**
     * Projection onto the simplex {@code {x ≥ 0, Σx = r}}: {@code x = max(v − θ, 0)}. On the support
     * {@code S = {xᵢ > 0}} the Jacobian is the projection onto the tangent of the active face,
     * {@code I_S − 11ᵀ/|S|} (zero elsewhere), and {@code ∂x_S/∂r = 1/|S|}; an element with
     * {@code xᵢ = 0} exactly is outside {@code S}.
     *
     * @param v      {@code [n]}, {@code n ≥ 1}
     * @param radius {@code r > 0}, one element
     */
    public static Var simplex(Var v, Var radius) {
        if (v.shape().length != 1 || v.size() == 0) {
            throw new ShapeMismatchException("projectSimplex: v must be a non-empty vector [n], got shape "
                    + Arrays.toString(v.shape()));
        }
        return SimplexProjectionOp.INSTANCE.apply(v, scalar("projectSimplex", "radius", radius));
    }

    /**
     * Projection onto the L1 ball {@code ‖x‖₁ ≤ r} (all elements of {@code v} as one vector). Outside,
     * with {@code s = sign(v)} on the support {@code S}: {@code ∂x_S/∂v_S = I − s sᵀ/|S|},
     * {@code ∂x_S/∂r = s/|S|}; inside the identity. On the sphere the projected formulas are taken.
     *
     * @param radius {@code r > 0}, one element
     */
    public static Var l1Ball(Var v, Var radius) {
        return L1BallProjectionOp.INSTANCE.apply(v, scalar("projectL1Ball", "radius", radius));
    }

    /**
     * Projection onto the L2 ball {@code ‖x‖₂ ≤ r} (all elements of {@code v} as one vector):
     * {@code x = r v/‖v‖} outside, with {@code ∂x/∂v = (r/‖v‖)(I − uuᵀ)}, {@code ∂x/∂r = u = v/‖v‖};
     * inside the identity. On the sphere the projected formulas are taken.
     *
     * @param radius {@code r > 0}, one element
     */
    public static Var l2Ball(Var v, Var radius) {
        return L2BallProjectionOp.INSTANCE.apply(v, scalar("projectL2Ball", "radius", radius));
    }

    // ------------------------------------------------------------------ total variation

    /**
     * The prox of 1-D total variation {@code λ·Σ|x_{i+1} − x_i|} with step {@code τ} (exact, by
     * {@link dev.fixpoint.operators.prox.TotalVariation1d}). The output is piecewise constant; on a
     * segment {@code S} of equal values, {@code x_S = mean(v_S) + τλ(s_right − s_left)/|S|} with the
     * signs of the jumps out of and into {@code S} (0 at the ends). So the Jacobian in {@code v}
     * averages over each segment, and {@code ∂x_S/∂(τλ) = (s_right − s_left)/|S|}. A jump of exactly
     * zero counts as none (segments merged).
     *
     * @param v      {@code [n]}
     * @param tau    step, one element
     * @param lambda weight, one element; {@code τλ ≥ 0}
     */
    public static Var totalVariation1d(Var v, Var tau, Var lambda) {
        if (v.shape().length != 1) {
            throw new ShapeMismatchException("proxTotalVariation1d: v must be a vector [n], got shape "
                    + Arrays.toString(v.shape()));
        }
        Var t = scalar("proxTotalVariation1d", "τλ", Ops.mul(tau, lambda));
        return TotalVariation1dProxOp.INSTANCE.apply(v, t);
    }

    // ------------------------------------------------------------------ quadratic

    /**
     * The prox of {@code ½xᵀQx + qᵀx}: {@code x = (I + τQs)⁻¹(v − τq)} with the symmetric part
     * {@code Qs = (Q + Qᵀ)/2}. {@code ∂x/∂v = (I + τQs)⁻¹}, {@code ∂x/∂τ = −(I + τQs)⁻¹(Qs x + q)};
     * the cotangent of {@code Q} is symmetric.
     *
     * @param v   {@code [n]}
     * @param tau step, a scalar {@code []} (or one element)
     * @param q2  {@code Q}, {@code [n, n]}, with {@code I + τQs} invertible (e.g. positive semidefinite)
     * @param q1  {@code q}, {@code [n]}
     */
    public static Var quadratic(Var v, Var tau, Var q2, Var q1) {
        Var t = tau.size() == 1 ? scalar("proxQuadratic", "τ", tau) : tau;
        QuadraticProxOp.checkShapes(v.shape(), t.shape(), q2.shape(), q1.shape());
        return QuadraticProxOp.INSTANCE.apply(v, t, q2, q1);
    }

    /** @return {@link #quadratic(Var, Var, Var, Var)} with constant {@code Q}, {@code q} */
    public static Var quadratic(Var v, Var tau, Tensor q2, Tensor q1) {
        return quadratic(v, tau, Var.constant(q2), Var.constant(q1));
    }

    /** @return {@code p} as a rank-0 variable, or a shape error naming {@code p}'s shape */
    private static Var scalar(String op, String name, Var p) {
        if (p.size() != 1) {
            throw new ShapeMismatchException(op + " " + name, p.shape(), new int[0],
                    name + " must be a scalar (one element)");
        }
        return p.shape().length == 0 ? p : Ops.reshape(p);
    }
}
