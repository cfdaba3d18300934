package dev.fixpoint.operators;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Combinators of {@link LinearOperator}s: composition, sums, scaling, adjoint and normal views,
 * vertical/horizontal stacks and block diagonals, and the operator-norm estimate. The results
 * reference their operands (no data is copied) and check shapes at construction, naming both
 * operators and shapes on a mismatch.
 *
 * <p><b>Stacks use flat vectors.</b> Where operands are concatenated ({@link #vstack} ranges,
 * {@link #hstack} domains, both for {@link #blockDiagonal}) the concatenated side is a rank-1
 * tensor of length {@code Σ size}: operand {@code k}'s block is the row-major flattening of its own
 * shape, at offset {@code Σ_{j<k} size_j}. Blocks are read and written through views (no copies).
 */
public final class LinearOperators {
    private LinearOperators() {
    }

    /** @return {@code outer ∘ inner}; {@code inner}'s range must equal {@code outer}'s domain */
    public static LinearOperator compose(LinearOperator outer, LinearOperator inner) {
        if (!Arrays.equals(inner.rangeShape(), outer.domainShape())) {
            throw new ShapeMismatchException("compose " + outer.name() + " ∘ " + inner.name(), inner.rangeShape(),
                    outer.domainShape(), "the range of the inner operator must equal the domain of the outer one");
        }
        return new LinearOperator(inner.domainShape(), outer.rangeShape()) {
            @Override
            public String name() {
                return outer.name() + "∘" + inner.name();
            }

            @Override
            protected void forward(Tensor x, Tensor out) {
                outer.applyInto(inner.apply(x), out);
            }

            @Override
            protected void backward(Tensor y, Tensor out) {
                inner.adjointInto(outer.adjoint(y), out);
            }
        };
    }

    /** @return {@code a + b}; both must have the same domain and range */
    public static LinearOperator sum(LinearOperator a, LinearOperator b) {
        if (!Arrays.equals(a.domainShape(), b.domainShape()) || !Arrays.equals(a.rangeShape(), b.rangeShape())) {
            throw new ShapeMismatchException("sum " + a.name() + " + " + b.name(), a.domainShape(), b.domainShape(),
                    "summands need equal domains (and ranges " + Arrays.toString(a.rangeShape()) + " vs "
                            + Arrays.toString(b.rangeShape()) + ")");
        }
        return new LinearOperator(a.domainShape(), a.rangeShape()) {
            @Override
            public String name() {
                return "(" + a.name() + "+" + b.name() + ")";
            }

            @Override
            protected void forward(Tensor x, Tensor out) {
                a.applyInto(x, out);
                out.addInto(b.apply(x), out);
            }

            @Override
            protected void backward(Tensor y, Tensor out) {
                a.adjointInto(y, out);
                out.addInto(b.adjoint(y), out);
            }
        };
    }

    /** @return {@code alpha · a} */
    public static LinearOperator scaled(LinearOperator a, double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("scaled " + a.name() + ": factor " + alpha + " is not finite");
        }
        return new LinearOperator(a.domainShape(), a.rangeShape()) {
            @Override
            public String name() {
                return alpha + "·" + a.name();
            }

            @Override
            protected void forward(Tensor x, Tensor out) {
                a.applyInto(x, out);
                out.scaleInPlace(alpha);
            }

            @Override
            protected void backward(Tensor y, Tensor out) {
                a.adjointInto(y, out);
                out.scaleInPlace(alpha);
            }
        };
    }

    /** @return the adjoint of {@code a} as an operator (apply and adjoint swapped) */
    public static LinearOperator transposed(LinearOperator a) {
        return new LinearOperator(a.rangeShape(), a.domainShape()) {
            @Override
            public String name() {
                return a.name() + "ᵀ";
            }

            @Override
            protected void forward(Tensor x, Tensor out) {
                a.adjointInto(x, out);
            }

            @Override
            protected void backward(Tensor y, Tensor out) {
                a.applyInto(y, out);
            }

            @Override
            public LinearOperator transposed() {
                return a;
            }
        };
    }

    /** @return {@code aᵀa} (self-adjoint) */
    public static LinearOperator normal(LinearOperator a) {
        return new LinearOperator(a.domainShape(), a.domainShape()) {
            @Override
            public String name() {
                return a.name() + "ᵀ" + a.name();
            }

            @Override
            protected void forward(Tensor x, Tensor out) {
                a.adjointInto(a.apply(x), out);
            }

            @Override
            protected void backward(Tensor y, Tensor out) {
                forward(y, out);
            }
        };
    }

    /**
     * The vertical stack {@code [A1; A2; …]}: {@code x ↦ (A1 x, A2 x, …)}.
     *
     * @param ops one or more operators with the same domain shape
     * @return an operator from that domain to the flat range {@code [Σ rangeSize(Ak)]} (block {@code k}
     *         is {@code Ak x} flattened); the adjoint is {@code Σ Akᵀ yk}
     * @throws ShapeMismatchException naming the first operator and the mismatching one and both domains
     */
    public static LinearOperator vstack(LinearOperator... ops) {
        requireOperands("vstack", ops);
        for (int k = 1; k < ops.length; k++) {
            requireSame("vstack", "domain", ops, k, ops[0].domainShape(), ops[k].domainShape());
        }
        LinearOperator[] a = ops.clone();
        int[] offsets = offsets(a, false);
        return new LinearOperator(a[0].domainShape(), new int[]{offsets[a.length]}) {
            @Override
            public String name() {
                return joinedName("vstack", a);
            }

            @Override
            protected void forward(Tensor x, Tensor out) {
                Tensor flat = out.flatten();
                for (int k = 0; k < a.length; k++) {
                    a[k].applyInto(x, block(flat, offsets, k, a[k].rangeShape()));
                }
            }

            @Override
            protected void backward(Tensor y, Tensor out) {
                Tensor flat = y.flatten();
                a[0].adjointInto(block(flat, offsets, 0, a[0].rangeShape()), out);
                Tensor term = a.length > 1 ? Tensor.zeros(out.shape()) : null;
                for (int k = 1; k < a.length; k++) {
                    a[k].adjointInto(block(flat, offsets, k, a[k].rangeShape()), term);
                    out.addInto(term, out);
                }
            }
        };
    }

    /**
     * The horizontal stack {@code [A1, A2, …]}: {@code (x1, x2, …) ↦ Σ Ak xk}.
     *
     * @param ops one or more operators with the same range shape
     * @return an operator from the flat domain {@code [Σ domainSize(Ak)]} (block {@code k} is
     *         {@code xk} flattened) to that range; the adjoint is {@code y ↦ (A1ᵀ y, A2ᵀ y, …)}
     * @throws ShapeMismatchException naming the first operator and the mismatching one and both ranges
     */
    public static LinearOperator hstack(LinearOperator... ops) {
        requireOperands("hstack", ops);
        for (int k = 1; k < ops.length; k++) {
            requireSame("hstack", "range", ops, k, ops[0].rangeShape(), ops[k].rangeShape());
        }
        LinearOperator[] a = ops.clone();
        int[] offsets = offsets(a, true);
        return new LinearOperator(new int[]{offsets[a.length]}, a[0].rangeShape()) {
            @Override
            public String name() {
                return joinedName("hstack", a);
            }

            @Override
            protected void forward(Tensor x, Tensor out) {
                Tensor flat = x.flatten();
                a[0].applyInto(block(flat, offsets, 0, a[0].domainShape()), out);
                Tensor term = a.length > 1 ? Tensor.zeros(out.shape()) : null;
                for (int k = 1; k < a.length; k++) {
                    a[k].applyInto(block(flat, offsets, k, a[k].domainShape()), term);
                    out.addInto(term, out);
                }
            }

            @Override
            protected void backward(Tensor y, Tensor out) {
                Tensor flat = out.flatten();
                for (int k = 0; k < a.length; k++) {
                    a[k].adjointInto(y, block(flat, offsets, k, a[k].domainShape()));
                }
            }
        };
    }

    /**
     * The block diagonal {@code diag(A1, A2, …)}: {@code (x1, x2, …) ↦ (A1 x1, A2 x2, …)}. Operands may
     * have any shapes.
     *
     * @param ops one or more operators
     * @return an operator from the flat domain {@code [Σ domainSize(Ak)]} to the flat range
     *         {@code [Σ rangeSize(Ak)]}
     */
    public static LinearOperator blockDiagonal(LinearOperator... ops) {
        requireOperands("blockDiagonal", ops);
        LinearOperator[] a = ops.clone();
        int[] in = offsets(a, true);
        int[] outOffsets = offsets(a, false);
        return new LinearOperator(new int[]{in[a.length]}, new int[]{outOffsets[a.length]}) {
            @Override
            public String name() {
                return joinedName("blockDiagonal", a);
            }

            @Override
            protected void forward(Tensor x, Tensor out) {
                Tensor fx = x.flatten();
                Tensor fo = out.flatten();
                for (int k = 0; k < a.length; k++) {
                    a[k].applyInto(block(fx, in, k, a[k].domainShape()), block(fo, outOffsets, k, a[k].rangeShape()));
                }
            }

            @Override
            protected void backward(Tensor y, Tensor out) {
                Tensor fy = y.flatten();
                Tensor fo = out.flatten();
                for (int k = 0; k < a.length; k++) {
                    a[k].adjointInto(block(fy, outOffsets, k, a[k].rangeShape()), block(fo, in, k, a[k].domainShape()));
                }
            }
        };
    }

    private static void requireOperands(String what, LinearOperator[] ops) {
        if (ops == null || ops.length == 0) {
            throw new FixpointException("BadParameter", what + ": needs at least one operator, got none");
        }
        for (int k = 0; k < ops.length; k++) {
            if (ops[k] == null) {
                throw new FixpointException("BadParameter", what + ": operator " + k + " is null");
            }
        }
    }

    private static void requireSame(String what, String side, LinearOperator[] ops, int k, int[] first, int[] other) {
        if (!Arrays.equals(first, other)) {
            throw new ShapeMismatchException(what + ": operator 0 (" + ops[0].name() + ") and operator " + k + " ("
                    + ops[k].name() + ")", first, other, "all operands need the same " + side + " shape");
        }
    }

    /** @return cumulative sizes: {@code offsets[k]} is where block {@code k} starts, {@code offsets[n]} the total */
    private static int[] offsets(LinearOperator[] a, boolean domain) {
        int[] offsets = new int[a.length + 1];
        for (int k = 0; k < a.length; k++) {
            long next = (long) offsets[k] + (domain ? a[k].domainSize() : a[k].rangeSize());
            if (next > Integer.MAX_VALUE) {
                throw new FixpointException("BadParameter", "stack of " + a.length + " operators: total size " + next
                        + " exceeds " + Integer.MAX_VALUE);
            }
            offsets[k + 1] = (int) next;
        }
        return offsets;
    }

    /** @return a view of block {@code k} of the flat vector {@code flat}, reshaped to {@code shape} */
    private static Tensor block(Tensor flat, int[] offsets, int k, int[] shape) {
        return flat.rows(offsets[k], offsets[k + 1]).reshape(shape);
    }

    private static String joinedName(String what, LinearOperator[] a) {
        StringBuilder sb = new StringBuilder(what).append('(');
        for (int k = 0; k < a.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(a[k].name());
        }
        return sb.append(')').toString();
    }

    /** Power iteration on {@code AᵀA}; see {@link LinearOperator#normEstimate}. */
    static double normEstimate(LinearOperator a, double tolerance, int maxIterations) {
        if (!(tolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("normEstimate: tolerance " + tolerance + " must be > 0 and maxIterations "
                    + maxIterations + " ≥ 1");
        }
        Tensor x = Tensor.randn(new SplittableRandom(0x5eed), a.domainShape());
        double nx = x.norm();
        if (nx == 0) {
            return 0;
        }
        x.scaleInPlace(1 / nx);
        double estimate = 0;
        Tensor ax = Tensor.zeros(a.rangeShape());
        Tensor atax = Tensor.zeros(a.domainShape());
        for (int k = 1; k <= maxIterations; k++) {
            a.applyInto(x, ax);
            a.adjointInto(ax, atax);
            double lambda = atax.norm(); // ‖AᵀA x‖ with ‖x‖ = 1 → σ_max² at convergence
            if (lambda == 0) {
                return 0;
            }
            double next = Math.sqrt(lambda);
            if (Math.abs(next - estimate) <= tolerance * next) {
                return next;
            }
            estimate = next;
            x.assign(atax).scaleInPlace(1 / lambda);
        }
        throw new FixpointException("NoConvergence", "normEstimate of " + a.name() + ": no relative change below "
                + tolerance + " after " + maxIterations + " power iterations (last estimate " + estimate + ")");
    }
}
