package dev.fixpoint.imaging.io;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy} files (format version 1.0, as written by {@code numpy.save}): little-endian
 * doubles {@code '<f8'} in C (row-major) order, and complex128 {@code '<c16'}, which maps to a real
 * tensor with a trailing axis of length 2 (real, imaginary — {@link dev.fixpoint.core.ComplexPairs}).
 *
 * <p>Reading accepts versions 1.0, 2.0 and 3.0 headers, {@code '<f8'}, {@code '<c16'}, {@code '<f4'}
 * (widened to double) and {@code '>f8'}; Fortran order, other types, truncated data or a malformed
 * header give {@code [fixpoint/BadNpy]} naming the file, the header field and the reason. Writing is
 * atomic (temporary file, then move). A 0-d array reads as a scalar tensor of shape {@code []}.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * Reads a real ({@code '<f8'}, {@code '<f4'}, {@code '>f8'}) or complex ({@code '<c16'}) array.
     *
     * @return a real tensor of the file's shape, or for complex data its shape plus a trailing 2
     * @throws FixpointException {@code [fixpoint/BadNpy]} for a malformed or unsupported file,
     *         {@code [fixpoint/ReadFailed]} when the file cannot be read
     */
    public static Tensor read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FixpointException("ReadFailed", "cannot read " + file + ": " + e, e);
        }
        return parse(file.toString(), bytes);
    }

    static Tensor parse(String file, byte[] bytes) {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw bad(file, "magic", "does not start with \\x93NUMPY (not a .npy file)");
        }
        int major = bytes[6] & 0xff;
        int headerLength;
        int headerStart;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            headerLength = b.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw bad(file, "header length", "file ends inside the preamble");
            }
            long len = b.getInt(8) & 0xffffffffL;
            if (len > Integer.MAX_VALUE) {
                throw bad(file, "header length", len + " bytes is too large");
            }
            headerLength = (int) len;
            headerStart = 12;
        } else {
            throw bad(file, "version", major + "." + (bytes[7] & 0xff) + " is not supported (1.0, 2.0, 3.0 are)");
        }
        if (headerStart + headerLength > bytes.length) {
            throw bad(file, "header", "header of " + headerLength + " bytes runs past the end of the file ("
                    + bytes.length + " bytes)");
        }
        String header = new String(bytes, headerStart, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).trim();
        if (!header.startsWith("{") || !header.endsWith("}")) {
            throw bad(file, "header", "is not a Python dict literal: " + abbreviate(header));
        }
        String descr = field(file, header, DESCR, "descr");
        String fortran = field(file, header, FORTRAN, "fortran_order");
        if (fortran.equals("True")) {
            throw bad(file, "fortran_order", "True is not supported; save a C-order array "
                    + "(numpy.ascontiguousarray) instead");
        }
        int[] shape = shape(file, field(file, header, SHAPE, "shape"));
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        int itemSize;
        boolean complex = false;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        switch (descr) {
            case "<f8" -> itemSize = 8;
            case ">f8" -> {
                itemSize = 8;
                order = ByteOrder.BIG_ENDIAN;
            }
            case "<f4" -> itemSize = 4;
            case "<c16" -> {
                itemSize = 16;
                complex = true;
            }
            default -> throw bad(file, "descr", "'" + descr + "' is not supported ('<f8', '>f8', '<f4', '<c16' are)");
        }
        int dataStart = headerStart + headerLength;
        long expected = count * itemSize;
        if (bytes.length - dataStart != expected) {
            throw bad(file, "data", "shape " + Arrays.toString(shape) + " of '" + descr + "' needs " + expected
                    + " bytes but the file holds " + (bytes.length - dataStart));
        }
        if (count * (complex ? 2 : 1) > Integer.MAX_VALUE - 8) {
            throw bad(file, "shape", Arrays.toString(shape) + " has too many elements for a tensor");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) expected).slice().order(order);
        double[] values = new double[(int) count * (complex ? 2 : 1)];
        if (itemSize == 4) {
            for (int i = 0; i < values.length; i++) {
                values[i] = data.getFloat(4 * i);
            }
        } else {
            data.asDoubleBuffer().get(values);
        }
        int[] tensorShape = complex ? Arrays.copyOf(shape, shape.length + 1) : shape;
        if (complex) {
            tensorShape[shape.length] = 2;
        }
        return Tensor.wrap(values, tensorShape);
    }

    /**
     * Writes a real tensor as {@code '<f8'}, C order, version 1.0 (atomically).
     *
     * @param tensor any shape (not modified)
     */
    public static void write(Path file, Tensor tensor) {
        write(file, tensor.toArray(), tensor.shape(), "<f8");
    }

    /**
     * Writes a complex tensor (trailing axis of length 2: real, imaginary) as {@code '<c16'} with the
     * trailing axis removed from the shape.
     *
     * @throws IllegalArgumentException {@code [fixpoint/InvalidShape]} when the last axis is not 2
     */
    public static void writeComplex(Path file, Tensor complex) {
        int[] s = complex.shape();
        if (s.length == 0 || s[s.length - 1] != 2) {
            throw new IllegalArgumentException("[fixpoint/InvalidShape] Npy.writeComplex: a complex tensor needs a "
                    + "trailing axis of length 2 (real, imaginary), got shape " + Arrays.toString(s));
        }
        write(file, complex.toArray(), Arrays.copyOf(s, s.length - 1), "<c16");
    }

    private static void write(Path file, double[] values, int[] shape, String descr) {
        StringBuilder sb = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            sb.append(shape[i]).append(shape.length == 1 ? "," : i + 1 < shape.length ? ", " : "");
        }
        sb.append("), }");
        int unpadded = 10 + sb.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        sb.append(" ".repeat(pad)).append('\n');
        byte[] header = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(10 + header.length + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length).put(header);
        for (double v : values) {
            out.putDouble(v);
        }
        byte[] bytes = out.array();
        AtomicFiles.write(file, o -> o.write(bytes));
    }

    private static String field(String file, String header, Pattern p, String name) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw bad(file, name, "missing or malformed in header " + abbreviate(header));
        }
        return m.group(1);
    }

    private static int[] shape(String file, String text) {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (t.endsWith("L")) {
                t = t.substring(0, t.length() - 1);
            }
            try {
                int d = Integer.parseInt(t);
                if (d < 0) {
                    throw bad(file, "shape", "negative dimension " + d + " in (" + text + ")");
                }
                dims.add(d);
            } catch (NumberFormatException e) {
                throw bad(file, "shape", "'" + t + "' is not a dimension in (" + text + ")");
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    private static FixpointException bad(String file, String field, String reason) {
        return new FixpointException("BadNpy", file + ": " + field + " " + reason);
    }
}
