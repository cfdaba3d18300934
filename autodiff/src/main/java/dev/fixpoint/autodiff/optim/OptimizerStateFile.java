package dev.fixpoint.autodiff.optim;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.io.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The binary optimiser-state format (big-endian): magic {@code FXOS}, version, optimiser type,
 * step count, learning rate, slot names, then per parameter its name, shape and one array per slot;
 * the last 8 bytes are the CRC-32 of everything before them.
 */
final class OptimizerStateFile {
    private static final int MAGIC = 0x46584F53; // "FXOS"
    private static final int VERSION = 1;
    private static final int MAX_RANK = 32;

    private OptimizerStateFile() {
    }

    /** What a valid file holds; buffers are {@code [slot][parameter]}. */
    record Contents(long steps, double learningRate, double[][][] buffers) {
    }

    static void write(Path file, String type, long steps, double lr, String[] slots, Parameter[] params,
                      double[][][] buffers) throws IOException {
        AtomicFiles.write(file, raw -> {
            CRC32 crc = new CRC32();
            DataOutputStream d = new DataOutputStream(new CheckedOutputStream(raw, crc));
            d.writeInt(MAGIC);
            d.writeInt(VERSION);
            d.writeUTF(type);
            d.writeLong(steps);
            d.writeDouble(lr);
            d.writeInt(slots.length);
            for (String s : slots) {
                d.writeUTF(s);
            }
            d.writeInt(params.length);
            for (int p = 0; p < params.length; p++) {
                d.writeUTF(params[p].name());
                int[] shape = params[p].value().shape();
                d.writeInt(shape.length);
                for (int x : shape) {
                    d.writeInt(x);
                }
                for (int s = 0; s < slots.length; s++) {
                    for (double v : buffers[s][p]) {
                        d.writeDouble(v);
                    }
                }
            }
            d.flush();
            new DataOutputStream(raw).writeLong(crc.getValue());
        });
    }

    static Contents read(Path file, String type, String[] slots, Parameter[] params) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw bad(file, "the file does not exist");
        }
        if (bytes.length < 8 || ByteBuffer.wrap(bytes, 0, 4).getInt() != MAGIC) {
            throw bad(file, "not a fixpoint optimiser state file (wrong magic number; parameter values are "
                    + "loaded with ParameterSet.load, optimiser state with Optimizer.loadState)");
        }
        int version = ByteBuffer.wrap(bytes, 4, 4).getInt();
        if (version != VERSION) {
            throw bad(file, "format version " + version + ", this build reads version " + VERSION);
        }
        if (bytes.length < 16) {
            throw bad(file, "the file ends early (truncated, " + bytes.length + " bytes)");
        }
        int body = bytes.length - 8;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, body);
        if (crc.getValue() != ByteBuffer.wrap(bytes, body, 8).getLong()) {
            throw bad(file, "checksum mismatch: the file is corrupted or truncated (" + bytes.length + " bytes)");
        }
        DataInputStream d = new DataInputStream(new ByteArrayInputStream(bytes, 8, body - 8));
        try {
            String fileType = d.readUTF();
            if (!fileType.equals(type)) {
                throw bad(file, "it holds the state of a '" + fileType + "' optimiser, this optimiser is '" + type + "'");
            }
            long steps = d.readLong();
            double lr = d.readDouble();
            if (steps < 0 || !(lr >= 0) || !Double.isFinite(lr)) {
                throw bad(file, "invalid step count " + steps + " or learning rate " + lr);
            }
            int slotCount = d.readInt();
            if (slotCount < 0 || slotCount > 64) {
                throw bad(file, "invalid number of state slots " + slotCount);
            }
            String[] fileSlots = new String[slotCount];
            for (int s = 0; s < slotCount; s++) {
                fileSlots[s] = d.readUTF();
            }
            if (!Arrays.equals(fileSlots, slots)) {
                throw bad(file, "state slots " + Arrays.toString(fileSlots) + " in the file, this " + type
                        + " optimiser keeps " + Arrays.toString(slots) + " (configure the same options, e.g. momentum or amsgrad)");
            }
            int count = d.readInt();
            if (count != params.length) {
                throw bad(file, "state for " + count + " parameters, this optimiser has " + params.length + " "
                        + names(params));
            }
            double[][][] buffers = new double[slots.length][params.length][];
            for (int p = 0; p < params.length; p++) {
                String name = d.readUTF();
                if (!name.equals(params[p].name())) {
                    throw bad(file, "parameter " + p + " is '" + name + "' in the file but '" + params[p].name()
                            + "' here (parameters, in order: " + names(params) + ")");
                }
                int rank = d.readInt();
                if (rank < 0 || rank > MAX_RANK) {
                    throw bad(file, "parameter '" + name + "' has an invalid rank " + rank);
                }
                int[] shape = new int[rank];
                for (int i = 0; i < rank; i++) {
                    shape[i] = d.readInt();
                }
                int[] expected = params[p].value().shape();
                if (!Arrays.equals(shape, expected)) {
                    throw bad(file, "parameter '" + name + "' has shape " + Arrays.toString(shape) + " in the file but "
                            + Arrays.toString(expected) + " here");
                }
                for (int s = 0; s < slots.length; s++) {
                    double[] b = new double[params[p].size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = d.readDouble();
                    }
                    buffers[s][p] = b;
                }
            }
            if (d.available() > 0) {
                throw bad(file, d.available() + " unexpected bytes after the last parameter");
            }
            return new Contents(steps, lr, buffers);
        } catch (EOFException | UTFDataFormatException e) {
            throw bad(file, "the file ends early or is malformed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String names(Parameter[] params) {
        return Arrays.toString(Arrays.stream(params).map(Parameter::name).toArray());
    }

    private static FixpointException bad(Path file, String why) {
        return new FixpointException("BadOptimizerState", file + ": " + why);
    }
}
