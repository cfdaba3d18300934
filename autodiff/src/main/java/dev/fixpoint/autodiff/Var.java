package dev.fixpoint.autodiff;

import dev.fixpoint.core.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * A variable: a tensor value, and — when it takes part in differentiation — its place on a
 * {@link Tape}. Variables are created by a tape ({@link Tape#variable}, {@link Tape#watch}),
 * as free constants ({@link #constant}), or as outputs of operations ({@link Ops}, {@link Op#apply}).
 *
 * <p>The value is never modified by fixpoint. After {@link #backward()} a leaf created by
 * {@link Tape#variable} holds its gradient in {@link #grad()} (accumulated over calls, like the
 * gradient of a {@link Parameter}).
 */
public final class Var {
    final Tensor value;
    final Tape tape;          // null for free constants
    final int slot;           // index on the tape, -1 if not on a tape
    final boolean requiresGrad;
    final Parameter parameter; // when created by Tape.watch
    Tensor grad;              // leaf gradient after backward

    Var(Tensor value, Tape tape, int slot, boolean requiresGrad, Parameter parameter) {
        this.value = Objects.requireNonNull(value, "value");
        this.tape = tape;
        this.slot = slot;
        this.requiresGrad = requiresGrad;
        this.parameter = parameter;
    }

    /** @return a constant (no tape, no gradient) holding {@code value} (not copied) */
    public static Var constant(Tensor value) {
        return new Var(value, null, -1, false, null);
    }

    /** @return a scalar constant */
    public static Var constant(double value) {
        return constant(Tensor.scalar(value));
    }

    /** @return the value (shared; do not modify) */
    public Tensor value() {
        return value;
    }

    /** @return a copy of the shape */
    public int[] shape() {
        return value.shape();
    }

    /** @return the number of elements */
    public int size() {
        return value.size();
    }

    /** @return the value of a one-element variable */
    public double item() {
        return value.item();
    }

    /** @return whether gradients flow to this variable (it depends on a variable or parameter on a tape) */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** @return the tape this variable was recorded on, or null for a constant */
    public Tape tape() {
        return tape;
    }

    /**
     * @return the gradient accumulated by {@link #backward()} for a leaf from {@link Tape#variable}
     *         or {@link Tape#watch}, or null if none has reached it
     */
    public Tensor grad() {
        return parameter != null ? parameter.grad() : grad;
    }

    /** Backward from this one-element variable (seed 1); see {@link Tape#backward(Var)}. */
    public void backward() {
        requireTape("backward").backward(this);
    }

    /** Backward from this variable with an explicit seed of its shape; see {@link Tape#backward(Var, Tensor)}. */
    public void backward(Tensor seed) {
        requireTape("backward").backward(this, seed);
    }

    private Tape requireTape(String what) {
        if (tape == null || !requiresGrad) {
            throw new dev.fixpoint.core.FixpointException("NotOnTape", what + ": this variable of shape "
                    + Arrays.toString(shape()) + " does not depend on any variable on a tape, so it has no gradient");
        }
        return tape;
    }

    // ------------------------------------------------------------------ fluent shorthands for Ops

    /** @return {@code this + other} with broadcasting; see {@link Ops#add} */
    public Var add(Var other) {
        return Ops.add(this, other);
    }

    /** @return {@code this - other} with broadcasting */
    public Var sub(Var other) {
        return Ops.sub(this, other);
    }

    /** @return {@code this * other} elementwise with broadcasting */
    public Var mul(Var other) {
        return Ops.mul(this, other);
    }

    /** @return {@code this / other} elementwise with broadcasting */
    public Var div(Var other) {
        return Ops.div(this, other);
    }

    /** @return {@code alpha · this} */
    public Var mul(double alpha) {
        return Ops.scale(this, alpha);
    }

    /** @return {@code -this} */
    public Var neg() {
        return Ops.scale(this, -1.0);
    }

    /** @return the matrix product {@code this · other} */
    public Var matmul(Var other) {
        return Ops.matmul(this, false, other, false);
    }

    /** @return the sum of all elements (a scalar) */
    public Var sum() {
        return Ops.sum(this);
    }

    /** @return {@code exp(this)}; see {@link Ops#exp} */
    public Var exp() {
        return Ops.exp(this);
    }

    /** @return {@code log(this)}; see {@link Ops#log} */
    public Var log() {
        return Ops.log(this);
    }

    /** @return {@code tanh(this)} */
    public Var tanh() {
        return Ops.tanh(this);
    }

    /** @return {@code max(this, 0)} */
    public Var relu() {
        return Ops.relu(this);
    }

    /** @return {@code this^p} elementwise for a constant {@code p}; see {@link Ops#pow} */
    public Var pow(double p) {
        return Ops.pow(this, p);
    }

    /** @return the mean of all elements (a scalar) */
    public Var mean() {
        return Ops.mean(this);
    }

    /** @return this variable with a new shape; see {@link Ops#reshape} */
    public Var reshape(int... shape) {
        return Ops.reshape(this, shape);
    }

    /** @return the transpose of a matrix (a copy); prefer the flags of {@link Ops#matmul(Var, boolean, Var, boolean)} */
    public Var transpose() {
        return Ops.transpose(this);
    }

    @Override
    public String toString() {
        return "Var" + Arrays.toString(shape()) + (requiresGrad ? " (requires grad)" : "") + " " + value;
    }
}
