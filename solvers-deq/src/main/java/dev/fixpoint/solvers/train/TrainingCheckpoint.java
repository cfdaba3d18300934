package dev.fixpoint.solvers.train;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.io.AtomicFiles;
import dev.fixpoint.solvers.unroll.UnrolledNetwork;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Training checkpoints: the file format of the package documentation ({@code FXTC}, version 1),
 * written atomically, read with validation (magic, version, CRC-32, structure) and checked against
 * the network's {@link UnrolledNetwork#configuration()}.
 *
 * <p>{@link #loadParameters} is the public way to put trained parameters into a freshly built
 * network for inference; the trainer itself uses the package-private methods to save and resume
 * the whole training state.
 */
public final class TrainingCheckpoint {
    static final int MAGIC = 0x46585443; // "FXTC"
    static final int VERSION = 1;
    private static final int MAX_RANK = 32;

    private TrainingCheckpoint() {
    }

    /**
     * Where training stands.
     *
     * @param stage        the number of completed stages (the index of the current stage)
     * @param stepInStage  steps taken in the current stage
     * @param globalStep   steps taken over all stages (the batch stream's position)
     * @param best         best validation NMSE of the current stage (ratio; +∞ if none yet)
     * @param bestStep     the step in stage of {@code best}
     * @param stageSeconds seconds spent so far in the current stage
     * @param done         summaries of the completed stages
     */
    record Position(int stage, long stepInStage, long globalStep, double best, long bestStep, double stageSeconds,
                    List<TrainingResult.StageSummary> done) {
    }

    /** A validated file's contents; parameters as name → (shape, values). */
    record Contents(Map<String, String> configuration, Map<String, String> stream, Position position,
                    Map<String, Tensor> parameters, Map<String, double[]> snapshot, byte[][] optimizer) {
    }

    /**
     * Writes a checkpoint atomically.
     *
     * @param snapshot  the best values of the current stage's parameters (name → values), or empty
     * @param optimizer the optimiser-state files' bytes ({@code FXOS}, one per learning-rate group), or none
     */
    static void save(Path file, UnrolledNetwork network, Map<String, String> stream, Position pos,
                     Map<String, double[]> snapshot, byte[][] optimizer) throws IOException {
        AtomicFiles.write(file, raw -> {
            CRC32 crc = new CRC32();
            DataOutputStream d = new DataOutputStream(new CheckedOutputStream(raw, crc));
            d.writeInt(MAGIC);
            d.writeInt(VERSION);
            writeMap(d, new TreeMap<>(network.configuration()));
            writeMap(d, stream);
            d.writeInt(pos.stage());
            d.writeLong(pos.stepInStage());
            d.writeLong(pos.globalStep());
            d.writeDouble(pos.best());
            d.writeLong(pos.bestStep());
            d.writeDouble(pos.stageSeconds());
            d.writeInt(pos.done().size());
            for (TrainingResult.StageSummary s : pos.done()) {
                d.writeUTF(s.name());
                d.writeInt(s.layers());
                d.writeDouble(s.learningRate());
                d.writeLong(s.steps());
                d.writeDouble(s.bestValidationDb());
                d.writeDouble(s.seconds());
            }
            List<Parameter> params = network.parameters().list();
            d.writeInt(params.size());
            for (Parameter p : params) {
                d.writeUTF(p.name());
                int[] shape = p.value().shape();
                d.writeInt(shape.length);
                for (int s : shape) {
                    d.writeInt(s);
                }
                Tensor v = p.value();
                for (int i = 0; i < v.size(); i++) {
                    d.writeDouble(v.data()[v.offset() + i]);
                }
            }
            d.writeInt(snapshot.size());
            for (Map.Entry<String, double[]> e : snapshot.entrySet()) {
                d.writeUTF(e.getKey());
                d.writeInt(e.getValue().length);
                for (double x : e.getValue()) {
                    d.writeDouble(x);
                }
            }
            d.writeInt(optimizer.length);
            for (byte[] o : optimizer) {
                d.writeInt(o.length);
                d.write(o);
            }
            d.flush();
            new DataOutputStream(raw).writeLong(crc.getValue());
        });
    }

    private static void writeMap(DataOutputStream d, Map<String, String> map) throws IOException {
        d.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            d.writeUTF(e.getKey());
            d.writeUTF(e.getValue());
        }
    }

    /**
     * Reads and validates a checkpoint file (not yet checked against a network).
     *
     * @throws FixpointException {@code [fixpoint/BadCheckpoint]} naming the file and what is wrong
     */
    static Contents read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw bad(file, "no such file");
        }
        if (bytes.length < 16) {
            throw bad(file, "only " + bytes.length + " bytes: not a checkpoint (truncated?)");
        }
        DataInputStream d = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            if (d.readInt() != MAGIC) {
                throw bad(file, "not a fixpoint training checkpoint (wrong magic number; expected FXTC)");
            }
            int version = d.readInt();
            if (version != VERSION) {
                throw bad(file, "format version " + version + ", this build reads version " + VERSION);
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            long stored = java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
            if (stored != crc.getValue()) {
                throw bad(file, "checksum mismatch (the file is corrupted or was not completely written)");
            }
            Map<String, String> configuration = readMap(d, file, "configuration");
            Map<String, String> stream = readMap(d, file, "training settings");
            int stage = d.readInt();
            long stepInStage = d.readLong();
            long globalStep = d.readLong();
            double best = d.readDouble();
            long bestStep = d.readLong();
            double stageSeconds = d.readDouble();
            int doneCount = count(d.readInt(), file, "completed stages");
            List<TrainingResult.StageSummary> done = new ArrayList<>();
            for (int i = 0; i < doneCount; i++) {
                done.add(new TrainingResult.StageSummary(d.readUTF(), d.readInt(), d.readDouble(), d.readLong(),
                        d.readDouble(), d.readDouble()));
            }
            if (stage < 0 || stepInStage < 0 || globalStep < 0 || stage != doneCount) {
                throw bad(file, "inconsistent training position: stage " + stage + ", step " + stepInStage
                        + ", global step " + globalStep + ", " + doneCount + " completed stages");
            }
            Map<String, Tensor> params = new LinkedHashMap<>();
            int paramCount = count(d.readInt(), file, "parameters");
            for (int k = 0; k < paramCount; k++) {
                String name = d.readUTF();
                int rank = d.readInt();
                if (rank < 0 || rank > MAX_RANK) {
                    throw bad(file, "parameter '" + name + "' has an invalid rank " + rank);
                }
                int[] shape = new int[rank];
                long size = 1;
                for (int i = 0; i < rank; i++) {
                    shape[i] = d.readInt();
                    size *= shape[i];
                    if (shape[i] < 0 || size > bytes.length / 8) {
                        throw bad(file, "parameter '" + name + "' has an invalid shape");
                    }
                }
                params.put(name, Tensor.wrap(readDoubles(d, (int) size), shape));
            }
            Map<String, double[]> snapshot = new LinkedHashMap<>();
            int snapCount = count(d.readInt(), file, "snapshot entries");
            for (int k = 0; k < snapCount; k++) {
                String name = d.readUTF();
                int size = d.readInt();
                if (size < 0 || size > bytes.length / 8) {
                    throw bad(file, "snapshot of '" + name + "' has an invalid size " + size);
                }
                snapshot.put(name, readDoubles(d, size));
            }
            byte[][] optimizer = new byte[count(d.readInt(), file, "optimiser states")][];
            for (int k = 0; k < optimizer.length; k++) {
                int optLength = d.readInt();
                if (optLength < 0 || optLength > bytes.length) {
                    throw bad(file, "invalid optimiser-state length " + optLength);
                }
                optimizer[k] = new byte[optLength];
                d.readFully(optimizer[k]);
            }
            if (d.available() != 8) {
                throw bad(file, (d.available() - 8) + " unexpected bytes before the checksum");
            }
            return new Contents(configuration, stream,
                    new Position(stage, stepInStage, globalStep, best, bestStep, stageSeconds, done), params, snapshot, optimizer);
        } catch (EOFException | UTFDataFormatException e) {
            throw bad(file, "the file ends early or is malformed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static int count(int value, Path file, String what) {
        if (value < 0 || value > 10_000_000) {
            throw bad(file, "invalid number of " + what + ": " + value);
        }
        return value;
    }

    private static Map<String, String> readMap(DataInputStream d, Path file, String what) throws IOException {
        int n = count(d.readInt(), file, what + " entries");
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            m.put(d.readUTF(), d.readUTF());
        }
        return m;
    }

    private static double[] readDoubles(DataInputStream d, int size) throws IOException {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = d.readDouble();
        }
        return v;
    }

    /**
     * @throws FixpointException {@code [fixpoint/CheckpointMismatch]} naming both configurations if the
     *         checkpoint was written for another architecture or size
     */
    static void checkConfiguration(Path file, Contents c, UnrolledNetwork network) {
        Map<String, String> mine = new TreeMap<>(network.configuration());
        if (!c.configuration().equals(mine)) {
            throw new FixpointException("CheckpointMismatch", file + " holds a network with configuration "
                    + c.configuration() + ", which differs from this network's " + mine + " (differing keys: "
                    + differingKeys(c.configuration(), mine) + "); build the network with the checkpoint's configuration "
                    + "or train a new one");
        }
    }

    static List<String> differingKeys(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (!java.util.Objects.equals(a.get(k), b.get(k))) {
                out.add(k);
            }
        }
        return out;
    }

    /** Copies the checkpoint's parameter values into {@code params} (same names and shapes), or throws before changing any. */
    static void assign(Path file, Contents c, ParameterSet params) {
        List<String> names = params.list().stream().map(Parameter::name).toList();
        if (!new java.util.HashSet<>(names).equals(c.parameters().keySet())) {
            throw new FixpointException("CheckpointMismatch", file + " holds parameters " + c.parameters().keySet()
                    + " but the network has " + names);
        }
        for (Parameter p : params) {
            Tensor t = c.parameters().get(p.name());
            if (!Arrays.equals(t.shape(), p.value().shape())) {
                throw new FixpointException("CheckpointMismatch", file + ": parameter '" + p.name() + "' has shape "
                        + Arrays.toString(t.shape()) + " in the checkpoint but " + Arrays.toString(p.value().shape())
                        + " in the network");
            }
        }
        for (Parameter p : params) {
            p.value().assign(c.parameters().get(p.name()));
        }
    }

    /**
     * Loads the parameters of a checkpoint into {@code network} (for inference or further training);
     * <b>modifies</b> the network's parameters only if the file is valid and matches.
     *
     * @throws FixpointException {@code [fixpoint/BadCheckpoint]} for an unreadable or corrupted file,
     *         {@code [fixpoint/CheckpointMismatch]} naming both configurations if it was written for
     *         another architecture or size
     */
    public static void loadParameters(Path file, UnrolledNetwork network) throws IOException {
        Contents c = read(file);
        checkConfiguration(file, c, network);
        assign(file, c, network.parameters());
    }

    /** @return the network configuration recorded in a checkpoint */
    public static Map<String, String> readConfiguration(Path file) throws IOException {
        return read(file).configuration();
    }

    private static FixpointException bad(Path file, String why) {
        return new FixpointException("BadCheckpoint", file + ": " + why);
    }
}
