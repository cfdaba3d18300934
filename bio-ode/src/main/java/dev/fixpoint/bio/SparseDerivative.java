package dev.fixpoint.bio;

import dev.fixpoint.bio.expr.CompiledExpression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sparse matrix whose entries are sums of compiled partial derivatives times constants:
 * {@code M(row, col) = Σ coeff · d(env)}. Built once at compile time; {@link #evaluate} fills the values
 * of the fixed pattern without allocating.
 */
final class SparseDerivative {
    final int rows;
    final int cols;
    int[] entryRow = new int[0];
    int[] entryCol = new int[0];
    private CompiledExpression[] programs = new CompiledExpression[0];
    /** for program q: targets[start[q] .. start[q+1]) entries and coefficients */
    private int[] start = {0};
    private int[] target = new int[0];
    private double[] coeff = new double[0];
    private double[] scratch = new double[0];

    private final Map<Long, Integer> index = new HashMap<>();
    private final List<CompiledExpression> progList = new ArrayList<>();
    private final List<int[]> targetList = new ArrayList<>();
    private final List<double[]> coeffList = new ArrayList<>();
    private final List<int[]> pattern = new ArrayList<>();

    SparseDerivative(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
    }

    /** Registers entry (row, col) in the pattern (value stays zero unless a term is added). */
    int entry(int row, int col) {
        return index.computeIfAbsent((long) row * cols + col, k -> {
            pattern.add(new int[]{row, col});
            return pattern.size() - 1;
        });
    }

    /** Adds the term coeff_i · program to the entries (rows_i, col). */
    void term(CompiledExpression program, int[] rowsOfTerm, double[] coeffs, int col) {
        int[] t = new int[rowsOfTerm.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = entry(rowsOfTerm[i], col);
        }
        progList.add(program);
        targetList.add(t);
        coeffList.add(coeffs.clone());
    }

    /** Freezes the structure. */
    SparseDerivative build() {
        int nnz = pattern.size();
        entryRow = new int[nnz];
        entryCol = new int[nnz];
        for (int e = 0; e < nnz; e++) {
            entryRow[e] = pattern.get(e)[0];
            entryCol[e] = pattern.get(e)[1];
        }
        programs = progList.toArray(CompiledExpression[]::new);
        start = new int[programs.length + 1];
        for (int q = 0; q < programs.length; q++) {
            start[q + 1] = start[q] + targetList.get(q).length;
        }
        target = new int[start[programs.length]];
        coeff = new double[target.length];
        for (int q = 0; q < programs.length; q++) {
            System.arraycopy(targetList.get(q), 0, target, start[q], targetList.get(q).length);
            System.arraycopy(coeffList.get(q), 0, coeff, start[q], coeffList.get(q).length);
        }
        scratch = new double[nnz];
        return this;
    }

    int nonZeros() {
        return entryRow.length;
    }

    /** Fills values (length nonZeros) from the environment. */
    void evaluate(double[] env, double[] values) {
        java.util.Arrays.fill(values, 0, entryRow.length, 0);
        for (int q = 0; q < programs.length; q++) {
            double d = programs[q].evaluate(env);
            if (d != 0) {
                for (int k = start[q]; k < start[q + 1]; k++) {
                    values[target[k]] += coeff[k] * d;
                }
            }
        }
    }

    /** out = M·v (+ out if accumulate) using values. */
    void multiply(double[] values, double[] v, int vOffset, double[] out, int outOffset) {
        for (int e = 0; e < entryRow.length; e++) {
            out[outOffset + entryRow[e]] += values[e] * v[vOffset + entryCol[e]];
        }
    }

    /** out += Mᵀ·v using values. */
    void multiplyTransposed(double[] values, double[] v, int vOffset, double[] out, int outOffset) {
        for (int e = 0; e < entryRow.length; e++) {
            out[outOffset + entryCol[e]] += values[e] * v[vOffset + entryRow[e]];
        }
    }

    double[] scratch() {
        return scratch;
    }
}
