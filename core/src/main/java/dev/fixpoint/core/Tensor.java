package dev.fixpoint.core;

import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * A dense tensor of doubles with a shape.
 *
 * <p><b>Layout.</b> Elements are stored contiguously in <em>row-major</em> order (the last index
 * varies fastest) in a {@code double[]} starting at {@link #offset()}: element
 * {@code (i0, …, ir-1)} is at {@code offset + Σ ik·stride[k]} with {@code stride[r-1] = 1} and
 * {@code stride[k] = stride[k+1]·shape[k+1]}. A rank-0 tensor is a scalar with one element.
 * BLAS, which is column-major, sees a row-major {@code m×n} matrix as its {@code n×m} transpose;
 * {@link #matmul} passes transposition flags accordingly and never copies operands.
 *
 * <p><b>Views and copies.</b> Operations return tensors with fresh storage and leave their operands
 * unchanged (value semantics), with these exceptions, which share storage with the receiver:
 * {@link #reshape}, {@link #rows(int, int)}, {@link #wrap} and {@link #data()}. Methods ending in
 * {@code InPlace} modify the receiver; methods ending in {@code Into} write into an output argument
 * (allocated when {@code null}) and return it. {@link #set} modifies the receiver.
 *
 * <p><b>Complex data</b> is represented as real pairs (ℂⁿ ≅ ℝ²ⁿ): a complex tensor of shape
 * {@code (…, n)} is a real tensor of shape {@code (…, n, 2)} with the real part at index 0 and the
 * imaginary part at index 1 of the last axis; see {@link ComplexPairs}. Adjoints of complex-linear
 * maps are then ordinary real adjoints.
 *
 * <p>Shape errors throw {@link ShapeMismatchException} naming both shapes. Not thread-safe for
 * concurrent mutation; concurrent reads are safe.
 */
public final class Tensor {
    // package-private for the helpers of this package (TensorProducts, TensorJoins); never exposed
    final int[] shape;
    final double[] data;
    final int offset;
    final int size;

    private Tensor(int[] shape, double[] data, int offset) {
        this.shape = shape;
        this.data = data;
        this.offset = offset;
        this.size = Shapes.size(shape);
    }

    // ------------------------------------------------------------------ factories

    /** @return a tensor of zeros with the given shape */
    public static Tensor zeros(int... shape) {
        int[] s = Shapes.validate(shape);
        return new Tensor(s, new double[Shapes.size(s)], 0);
    }

    /** @return a tensor of ones */
    public static Tensor ones(int... shape) {
        return full(1.0, shape);
    }

    /** @return a tensor filled with {@code value} */
    public static Tensor full(double value, int... shape) {
        Tensor t = zeros(shape);
        Arrays.fill(t.data, value);
        return t;
    }

    /** @return a rank-0 tensor holding {@code value} */
    public static Tensor scalar(double value) {
        return new Tensor(new int[0], new double[]{value}, 0);
    }

    /** @return a rank-1 tensor with a copy of {@code values} */
    public static Tensor vector(double... values) {
        return new Tensor(new int[]{values.length}, values.clone(), 0);
    }

    /**
     * @param rows the rows, all of equal length
     * @return a rank-2 tensor with a copy of {@code rows}
     */
    public static Tensor matrix(double[][] rows) {
        int m = rows.length;
        int n = m == 0 ? 0 : rows[0].length;
        double[] d = new double[m * n];
        for (int i = 0; i < m; i++) {
            if (rows[i].length != n) {
                throw new ShapeMismatchException("matrix: row " + i + " has " + rows[i].length
                        + " elements, row 0 has " + n);
            }
            System.arraycopy(rows[i], 0, d, i * n, n);
        }
        return new Tensor(new int[]{m, n}, d, 0);
    }

    /** @return a tensor with a copy of {@code values} (row-major) and the given shape */
    public static Tensor of(double[] values, int... shape) {
        return wrap(values.clone(), shape);
    }

    /**
     * @return a tensor over {@code values} without copying: the array is shared, writes to either are
     *         seen by both
     */
    public static Tensor wrap(double[] values, int... shape) {
        int[] s = Shapes.validate(shape);
        if (Shapes.size(s) != values.length) {
            throw new ShapeMismatchException("wrap: shape " + Arrays.toString(s) + " has " + Shapes.size(s)
                    + " elements but the array has " + values.length);
        }
        return new Tensor(s, values, 0);
    }

    /** @return the {@code n×n} identity matrix */
    public static Tensor eye(int n) {
        Tensor t = zeros(n, n);
        for (int i = 0; i < n; i++) {
            t.data[i * n + i] = 1.0;
        }
        return t;
    }

    /** @return the vector {@code [0, 1, …, n-1]} */
    public static Tensor arange(int n) {
        Tensor t = zeros(n);
        for (int i = 0; i < n; i++) {
            t.data[i] = i;
        }
        return t;
    }

    /** @return standard normal samples drawn from {@code rng} (advances it) */
    public static Tensor randn(RandomGenerator rng, int... shape) {
        Tensor t = zeros(shape);
        for (int i = 0; i < t.size; i++) {
            t.data[i] = rng.nextGaussian();
        }
        return t;
    }

    /** @return standard normal samples from a generator seeded with {@code seed} (reproducible) */
    public static Tensor randn(long seed, int... shape) {
        return randn(new java.util.SplittableRandom(seed), shape);
    }

    /** @return samples uniform in {@code [low, high)} drawn from {@code rng} (advances it) */
    public static Tensor uniform(RandomGenerator rng, double low, double high, int... shape) {
        if (!(high > low)) {
            throw new IllegalArgumentException("uniform: need low < high, got [" + low + ", " + high + ")");
        }
        Tensor t = zeros(shape);
        for (int i = 0; i < t.size; i++) {
            t.data[i] = rng.nextDouble(low, high);
        }
        return t;
    }

    // ------------------------------------------------------------------ shape and storage

    /** @return a copy of the shape */
    public int[] shape() {
        return shape.clone();
    }

    /** @return the number of axes */
    public int rank() {
        return shape.length;
    }

    /** @return the length of axis {@code axis} (negative counts from the end) */
    public int dim(int axis) {
        return shape[Shapes.axis(axis, shape.length, "dim")];
    }

    /** @return the number of elements */
    public int size() {
        return size;
    }

    /**
     * @return the backing array, shared (not a copy); elements are at {@code offset() … offset()+size()-1}
     *         in row-major order. For hot loops and native calls.
     */
    public double[] data() {
        return data;
    }

    /** @return index of the first element in {@link #data()} */
    public int offset() {
        return offset;
    }

    /** @return a copy of the elements in row-major order */
    public double[] toArray() {
        return Arrays.copyOfRange(data, offset, offset + size);
    }

    /** @return a copy with fresh storage */
    public Tensor copy() {
        return new Tensor(shape.clone(), toArray(), 0);
    }

    /** @return true if {@code other} has the same shape */
    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    /**
     * @param newShape the new shape; one entry may be {@code -1} to be inferred
     * @return a view with the new shape sharing this tensor's storage
     */
    public Tensor reshape(int... newShape) {
        return new Tensor(Shapes.infer(newShape, size, shape), data, offset);
    }

    /** @return a view of this tensor as a vector (shares storage) */
    public Tensor flatten() {
        return reshape(size);
    }

    /**
     * @param from first index along axis 0 (inclusive)
     * @param to   last index along axis 0 (exclusive)
     * @return a view of the slices {@code from … to-1} along axis 0, sharing storage (contiguous, so
     *         no copy is needed); for example a block of rows of a matrix or of samples of a batch
     */
    public Tensor rows(int from, int to) {
        requireRankAtLeast(1, "rows");
        if (from < 0 || to > shape[0] || from > to) {
            throw new IndexOutOfBoundsException("rows: range [" + from + ", " + to + ") is not within [0, "
                    + shape[0] + "] for shape " + Arrays.toString(shape));
        }
        int[] s = shape.clone();
        s[0] = to - from;
        int inner = shape[0] == 0 ? 0 : size / shape[0];
        return new Tensor(s, data, offset + from * inner);
    }

    // ------------------------------------------------------------------ element access

    private int index(int[] idx) {
        if (idx.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(idx) + " has " + idx.length
                    + " components for a tensor of rank " + shape.length);
        }
        int flat = 0;
        for (int k = 0; k < idx.length; k++) {
            if (idx[k] < 0 || idx[k] >= shape[k]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(idx) + " is out of bounds for shape "
                        + Arrays.toString(shape));
            }
            flat = flat * shape[k] + idx[k];
        }
        return offset + flat;
    }

    /** @return the element at {@code idx} (one index per axis; none for a scalar) */
    public double get(int... idx) {
        return data[index(idx)];
    }

    /** Sets the element at {@code idx}; <b>modifies</b> this tensor. */
    public void set(double value, int... idx) {
        data[index(idx)] = value;
    }

    /** @return the value of a tensor with exactly one element */
    public double item() {
        if (size != 1) {
            throw new ShapeMismatchException("item: tensor of shape " + Arrays.toString(shape) + " has " + size
                    + " elements, not 1");
        }
        return data[offset];
    }

    // ------------------------------------------------------------------ elementwise

    private void requireSameShape(Tensor o, String op) {
        if (!Arrays.equals(shape, o.shape)) {
            throw new ShapeMismatchException(op, shape, o.shape, "elementwise operations need equal shapes");
        }
    }

    private Tensor output(Tensor out, String op) {
        if (out == null) {
            return zeros(shape);
        }
        requireSameShape(out, op + " (output)");
        return out;
    }

    /** @return {@code f} applied to every element */
    public Tensor map(DoubleUnaryOperator f) {
        return mapInto(f, null);
    }

    /** Writes {@code f(this)} elementwise into {@code out} (allocated if null; may be {@code this}). */
    public Tensor mapInto(DoubleUnaryOperator f, Tensor out) {
        Tensor o = output(out, "map");
        double[] od = o.data;
        for (int i = 0; i < size; i++) {
            od[o.offset + i] = f.applyAsDouble(data[offset + i]);
        }
        return o;
    }

    /** @return {@code f(this[i], other[i])} elementwise */
    public Tensor zipWith(Tensor other, DoubleBinaryOperator f) {
        return zipInto(other, f, null);
    }

    /** Writes {@code f(this, other)} elementwise into {@code out} (allocated if null; may alias an operand). */
    public Tensor zipInto(Tensor other, DoubleBinaryOperator f, Tensor out) {
        requireSameShape(other, "zip");
        Tensor o = output(out, "zip");
        for (int i = 0; i < size; i++) {
            o.data[o.offset + i] = f.applyAsDouble(data[offset + i], other.data[other.offset + i]);
        }
        return o;
    }

    /** @return {@code this + other} elementwise */
    public Tensor add(Tensor other) {
        return addInto(other, null);
    }

    /** Writes {@code this + other} into {@code out} (allocated if null; may alias an operand). */
    public Tensor addInto(Tensor other, Tensor out) {
        requireSameShape(other, "add");
        Tensor o = output(out, "add");
        double[] a = data;
        double[] b = other.data;
        double[] c = o.data;
        int ao = offset;
        int bo = other.offset;
        int co = o.offset;
        for (int i = 0; i < size; i++) {
            c[co + i] = a[ao + i] + b[bo + i];
        }
        return o;
    }

    /** @return {@code this - other} elementwise */
    public Tensor sub(Tensor other) {
        return subInto(other, null);
    }

    /** Writes {@code this - other} into {@code out} (allocated if null; may alias an operand). */
    public Tensor subInto(Tensor other, Tensor out) {
        requireSameShape(other, "sub");
        Tensor o = output(out, "sub");
        for (int i = 0; i < size; i++) {
            o.data[o.offset + i] = data[offset + i] - other.data[other.offset + i];
        }
        return o;
    }

    /** @return {@code this * other} elementwise (Hadamard product) */
    public Tensor mul(Tensor other) {
        return mulInto(other, null);
    }

    /** Writes {@code this * other} elementwise into {@code out} (allocated if null; may alias an operand). */
    public Tensor mulInto(Tensor other, Tensor out) {
        requireSameShape(other, "mul");
        Tensor o = output(out, "mul");
        for (int i = 0; i < size; i++) {
            o.data[o.offset + i] = data[offset + i] * other.data[other.offset + i];
        }
        return o;
    }

    /** @return {@code this / other} elementwise (IEEE semantics: x/0 is ±Inf or NaN) */
    public Tensor div(Tensor other) {
        requireSameShape(other, "div");
        Tensor o = zeros(shape);
        for (int i = 0; i < size; i++) {
            o.data[i] = data[offset + i] / other.data[other.offset + i];
        }
        return o;
    }

    /** @return {@code this + value} elementwise */
    public Tensor add(double value) {
        return map(x -> x + value);
    }

    /** @return {@code alpha · this} */
    public Tensor mul(double alpha) {
        Tensor o = copy();
        o.scaleInPlace(alpha);
        return o;
    }

    /** @return {@code -this} */
    public Tensor neg() {
        return mul(-1.0);
    }

    /** @return {@code |this|} elementwise */
    public Tensor abs() {
        return map(Math::abs);
    }

    /** @return {@code exp(this)} elementwise */
    public Tensor exp() {
        return map(Math::exp);
    }

    /** @return {@code log(this)} elementwise (NaN for negative, -Inf for zero elements) */
    public Tensor log() {
        return map(Math::log);
    }

    /** @return {@code sqrt(this)} elementwise */
    public Tensor sqrt() {
        return map(Math::sqrt);
    }

    /** @return {@code this²} elementwise */
    public Tensor square() {
        return map(x -> x * x);
    }

    /** {@code this ← alpha · this} through BLAS {@code scal}; <b>modifies</b> this tensor. */
    public Tensor scaleInPlace(double alpha) {
        Backends.current().scal(size, alpha, data, offset, 1);
        return this;
    }

    /** {@code this ← this + alpha · x} through BLAS {@code axpy}; <b>modifies</b> this tensor. */
    public Tensor axpyInPlace(double alpha, Tensor x) {
        requireSameShape(x, "axpy");
        Backends.current().axpy(size, alpha, x.data, x.offset, 1, data, offset, 1);
        return this;
    }

    /** Copies {@code source} into this tensor; <b>modifies</b> this tensor. */
    public Tensor assign(Tensor source) {
        requireSameShape(source, "assign");
        System.arraycopy(source.data, source.offset, data, offset, size);
        return this;
    }

    /** Sets every element to {@code value}; <b>modifies</b> this tensor. */
    public Tensor fill(double value) {
        Arrays.fill(data, offset, offset + size, value);
        return this;
    }

    // ------------------------------------------------------------------ reductions

    /** @return the sum of all elements (0 for an empty tensor) */
    public double sum() {
        double s = 0;
        for (int i = 0; i < size; i++) {
            s += data[offset + i];
        }
        return s;
    }

    /** @return the mean of all elements (NaN for an empty tensor) */
    public double mean() {
        return size == 0 ? Double.NaN : sum() / size;
    }

    /** @return the largest element (NaN if any element is NaN; -Inf for an empty tensor) */
    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            m = Math.max(m, data[offset + i]);
        }
        return m;
    }

    /** @return the smallest element (NaN if any element is NaN; +Inf for an empty tensor) */
    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            m = Math.min(m, data[offset + i]);
        }
        return m;
    }

    /** @return the row-major flat index of the largest element (first on ties; -1 if empty) */
    public int argmax() {
        int best = -1;
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            if (best < 0 || data[offset + i] > m) {
                m = data[offset + i];
                best = i;
            }
        }
        return best;
    }

    /** @return the Euclidean (Frobenius) norm, through BLAS {@code nrm2} */
    public double norm() {
        return Backends.current().nrm2(size, data, offset, 1);
    }

    /** @return the largest absolute value (0 for an empty tensor) */
    public double normInf() {
        double m = 0;
        for (int i = 0; i < size; i++) {
            m = Math.max(m, Math.abs(data[offset + i]));
        }
        return m;
    }

    /** @return {@code Σ this[i]·other[i]} over all elements (same shape), through BLAS {@code dot} */
    public double dot(Tensor other) {
        requireSameShape(other, "dot");
        return Backends.current().dot(size, data, offset, 1, other.data, other.offset, 1);
    }

    /** @return the sums along {@code axis} (the axis is removed from the shape) */
    public Tensor sum(int axis) {
        return Reductions.reduce(this, Shapes.axis(axis, shape.length, "sum"), Reductions.Kind.SUM);
    }

    /** @return the means along {@code axis} (the axis is removed) */
    public Tensor mean(int axis) {
        return Reductions.reduce(this, Shapes.axis(axis, shape.length, "mean"), Reductions.Kind.MEAN);
    }

    /** @return the maxima along {@code axis} (the axis is removed) */
    public Tensor max(int axis) {
        return Reductions.reduce(this, Shapes.axis(axis, shape.length, "max"), Reductions.Kind.MAX);
    }

    /** @return the minima along {@code axis} (the axis is removed) */
    public Tensor min(int axis) {
        return Reductions.reduce(this, Shapes.axis(axis, shape.length, "min"), Reductions.Kind.MIN);
    }

    // ------------------------------------------------------------------ linear algebra

    void requireRank(int r, String op) {
        if (shape.length != r) {
            throw new ShapeMismatchException(op + ": expects a tensor of rank " + r + ", got shape "
                    + Arrays.toString(shape));
        }
    }

    void requireRankAtLeast(int r, String op) {
        if (shape.length < r) {
            throw new ShapeMismatchException(op + ": expects a tensor of rank ≥ " + r + ", got shape "
                    + Arrays.toString(shape));
        }
    }

    /** @return the matrix product {@code this · b} of two rank-2 tensors */
    public Tensor matmul(Tensor b) {
        return matmul(this, false, b, false);
    }

    /** @return {@code op(a) · op(b)} where {@code op} transposes when the flag is set; no operand is copied */
    public static Tensor matmul(Tensor a, boolean transA, Tensor b, boolean transB) {
        return matmulInto(1.0, a, transA, b, transB, 0.0, null);
    }

    /**
     * {@code out ← alpha · op(a) · op(b) + beta · out} through BLAS {@code gemm} on the current backend.
     *
     * @param out output of shape {@code [rows of op(a), cols of op(b)]}, or null to allocate (then
     *            {@code beta} is ignored); must not alias {@code a} or {@code b}; <b>modified</b>
     * @return {@code out}
     */
    public static Tensor matmulInto(double alpha, Tensor a, boolean transA, Tensor b, boolean transB,
                                    double beta, Tensor out) {
        return matmulInto(Backends.current(), alpha, a, transA, b, transB, beta, out);
    }

    /** As {@link #matmulInto(double, Tensor, boolean, Tensor, boolean, double, Tensor)} on a given backend. */
    public static Tensor matmulInto(LinearAlgebraBackend backend, double alpha, Tensor a, boolean transA,
                                    Tensor b, boolean transB, double beta, Tensor out) {
        return TensorProducts.matmul(backend, alpha, a, transA, b, transB, beta, out);
    }

    /** @return the matrix-vector product {@code this · x} (rank-2 times rank-1) */
    public Tensor matvec(Tensor x) {
        return matvecInto(1.0, this, false, x, 0.0, null);
    }

    /**
     * {@code y ← alpha · op(a) · x + beta · y} through BLAS {@code gemv}.
     *
     * @param y output vector, or null to allocate (then {@code beta} is ignored); <b>modified</b>
     * @return {@code y}
     */
    public static Tensor matvecInto(double alpha, Tensor a, boolean transA, Tensor x, double beta, Tensor y) {
        return TensorProducts.matvec(Backends.current(), alpha, a, transA, x, beta, y);
    }

    /** @return the transpose of a rank-2 tensor, as a copy (use the flags of {@link #matmul} to avoid it) */
    public Tensor transpose() {
        requireRank(2, "transpose");
        return TensorProducts.transpose(this);
    }

    // ------------------------------------------------------------------ slicing and joining

    /**
     * @return a copy of the elements with index {@code from … to-1} along {@code axis}
     *         (other axes whole); use {@link #rows} for a view along axis 0
     */
    public Tensor slice(int axis, int from, int to) {
        return TensorJoins.slice(this, axis, from, to);
    }

    /**
     * @return the tensors joined along {@code axis}; all other dimensions must agree
     */
    public static Tensor concat(int axis, Tensor... parts) {
        return TensorJoins.concat(axis, parts);
    }

    // ------------------------------------------------------------------ checks and comparison

    /** @return true if every element is finite (no NaN or ±Inf) */
    public boolean isFinite() {
        for (int i = 0; i < size; i++) {
            if (!Double.isFinite(data[offset + i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param context what this tensor is, for the message (e.g. {@code "iterate x at iteration 12"})
     * @return this tensor, if all elements are finite
     * @throws FixpointException {@code [fixpoint/NonFinite]} naming the context, the first bad index and value
     */
    public Tensor requireFinite(String context) {
        for (int i = 0; i < size; i++) {
            double v = data[offset + i];
            if (!Double.isFinite(v)) {
                throw new FixpointException("NonFinite", context + ": element " + Arrays.toString(unflatten(i))
                        + " is " + v + " (shape " + Arrays.toString(shape) + ")");
            }
        }
        return this;
    }

    private int[] unflatten(int flat) {
        int[] idx = new int[shape.length];
        for (int k = shape.length - 1; k >= 0; k--) {
            idx[k] = shape[k] == 0 ? 0 : flat % shape[k];
            flat = shape[k] == 0 ? 0 : flat / shape[k];
        }
        return idx;
    }

    /**
     * @return true if shapes are equal and {@code |a - b| ≤ atol + rtol·|b|} for every element
     *         ({@code b} from {@code other}); NaN never compares close
     */
    public boolean allClose(Tensor other, double rtol, double atol) {
        if (!Arrays.equals(shape, other.shape)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            double a = data[offset + i];
            double b = other.data[other.offset + i];
            if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b))) {
                if (a == b) { // equal infinities
                    continue;
                }
                return false;
            }
        }
        return true;
    }

    /** Exact equality of shape and elements (NaN equals NaN, like {@link Double#equals}). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tensor t) || !Arrays.equals(shape, t.shape)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (Double.doubleToLongBits(data[offset + i]) != Double.doubleToLongBits(t.data[t.offset + i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(shape);
        for (int i = 0; i < size; i++) {
            h = 31 * h + Double.hashCode(data[offset + i]);
        }
        return h;
    }

    /** @return the elements in nested brackets for up to 100 elements, else shape and summary statistics */
    @Override
    public String toString() {
        return TensorFormat.format(this);
    }

    static Tensor fromOwned(int[] shape, double[] data) {
        return new Tensor(Objects.requireNonNull(shape), data, 0);
    }
}
