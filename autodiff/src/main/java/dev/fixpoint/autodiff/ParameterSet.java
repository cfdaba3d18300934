package dev.fixpoint.autodiff;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered set of named {@link Parameter}s: what a model trains and an optimiser updates. The
 * order (insertion order) defines the flat vector view used by {@link #flatten()} and
 * {@link #assign(double[])} (L-BFGS works on that vector).
 *
 * <p>Files written by {@link #save(Path)} are binary (magic {@code FXPS}, version 1, then per
 * parameter: name, rank, dimensions, row-major doubles, big-endian) and written atomically.
 */
public final class ParameterSet implements Iterable<Parameter> {
    private static final int MAGIC = 0x46585053; // "FXPS"
    private static final int VERSION = 1;
    private final Map<String, Parameter> byName = new LinkedHashMap<>();

    /** Creates an empty set. */
    public ParameterSet() {
    }

    /** @return a new parameter named {@code name} holding {@code value}, added to this set */
    public Parameter add(String name, Tensor value) {
        Parameter p = new Parameter(name, value);
        add(p);
        return p;
    }

    /** Adds an existing parameter; names must be unique. */
    public ParameterSet add(Parameter p) {
        if (byName.putIfAbsent(p.name(), p) != null) {
            throw new IllegalArgumentException("a parameter named '" + p.name() + "' is already in the set");
        }
        return this;
    }

    /** @return the parameter named {@code name}; the error lists the known names */
    public Parameter get(String name) {
        Parameter p = byName.get(name);
        if (p == null) {
            throw new FixpointException("UnknownParameter", "no parameter named '" + name + "'; parameters: " + byName.keySet());
        }
        return p;
    }

    /** @return the parameters in order */
    public List<Parameter> list() {
        return Collections.unmodifiableList(new ArrayList<>(byName.values()));
    }

    @Override
    public Iterator<Parameter> iterator() {
        return list().iterator();
    }

    /** @return the number of parameters */
    public int count() {
        return byName.size();
    }

    /** @return the total number of scalar elements */
    public int size() {
        int n = 0;
        for (Parameter p : byName.values()) {
            n += p.size();
        }
        return n;
    }

    /** Zeroes every gradient. */
    public void zeroGrad() {
        byName.values().forEach(Parameter::zeroGrad);
    }

    /** @return all values concatenated in order (a copy) */
    public double[] flatten() {
        double[] out = new double[size()];
        int pos = 0;
        for (Parameter p : byName.values()) {
            Tensor v = p.value();
            System.arraycopy(v.data(), v.offset(), out, pos, v.size());
            pos += v.size();
        }
        return out;
    }

    /** @return all gradients concatenated in order (a copy) */
    public double[] flattenGrad() {
        double[] out = new double[size()];
        int pos = 0;
        for (Parameter p : byName.values()) {
            Tensor g = p.grad();
            System.arraycopy(g.data(), g.offset(), out, pos, g.size());
            pos += g.size();
        }
        return out;
    }

    /** Writes {@code flat} (length {@link #size()}) into the values, in order; <b>modifies</b> the parameters. */
    public void assign(double[] flat) {
        if (flat.length != size()) {
            throw new ShapeMismatchException("assign: a vector of " + flat.length + " values for a parameter set of "
                    + size() + " elements");
        }
        int pos = 0;
        for (Parameter p : byName.values()) {
            Tensor v = p.value();
            System.arraycopy(flat, pos, v.data(), v.offset(), v.size());
            pos += v.size();
        }
    }

    /** Saves names, shapes and values atomically to {@code file}. */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            DataOutputStream d = new DataOutputStream(out);
            d.writeInt(MAGIC);
            d.writeInt(VERSION);
            d.writeInt(byName.size());
            for (Parameter p : byName.values()) {
                d.writeUTF(p.name());
                int[] s = p.value().shape();
                d.writeInt(s.length);
                for (int x : s) {
                    d.writeInt(x);
                }
                Tensor v = p.value();
                for (int i = 0; i < v.size(); i++) {
                    d.writeDouble(v.data()[v.offset() + i]);
                }
            }
            d.flush();
        });
    }

    /**
     * Loads values saved by {@link #save} into this set's parameters (same names and shapes);
     * <b>modifies</b> the parameters only if the whole file is valid.
     *
     * @throws FixpointException {@code [fixpoint/BadParameterFile]} naming the file and what is wrong
     */
    public void load(Path file) throws IOException {
        Map<String, double[]> values = new LinkedHashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            DataInputStream d = new DataInputStream(in);
            if (d.readInt() != MAGIC) {
                throw bad(file, "not a fixpoint parameter file (wrong magic number)");
            }
            int version = d.readInt();
            if (version != VERSION) {
                throw bad(file, "format version " + version + ", this build reads version " + VERSION);
            }
            int count = d.readInt();
            for (int k = 0; k < count; k++) {
                String name = d.readUTF();
                Parameter p = byName.get(name);
                if (p == null) {
                    throw bad(file, "parameter '" + name + "' is not in this set " + byName.keySet());
                }
                int rank = d.readInt();
                if (rank < 0 || rank > 32) {
                    throw bad(file, "parameter '" + name + "' has an invalid rank " + rank);
                }
                int[] shape = new int[rank];
                for (int i = 0; i < rank; i++) {
                    shape[i] = d.readInt();
                }
                if (!Arrays.equals(shape, p.value().shape())) {
                    throw bad(file, "parameter '" + name + "' has shape " + Arrays.toString(shape)
                            + " in the file but " + Arrays.toString(p.value().shape()) + " here");
                }
                double[] v = new double[p.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = d.readDouble();
                }
                values.put(name, v);
            }
        } catch (EOFException e) {
            throw bad(file, "the file ends early (truncated)");
        }
        if (!values.keySet().equals(byName.keySet())) {
            List<String> missing = new ArrayList<>(byName.keySet());
            missing.removeAll(values.keySet());
            throw bad(file, "parameters missing from the file: " + missing);
        }
        values.forEach((name, v) -> {
            Tensor t = byName.get(name).value();
            System.arraycopy(v, 0, t.data(), t.offset(), v.length);
        });
    }

    private static FixpointException bad(Path file, String why) {
        return new FixpointException("BadParameterFile", file + ": " + why);
    }
}
