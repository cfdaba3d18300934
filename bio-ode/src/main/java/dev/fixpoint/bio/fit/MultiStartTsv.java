package dev.fixpoint.bio.fit;

import dev.fixpoint.core.FixpointException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The multi-start TSV file: a comment line {@code # fixpoint multi-start seed=S starts=K dimension=N}, a header
 * {@code start status value iterations evaluations seconds message x0_0 … x0_{N-1} x_0 … x_{N-1}} and one row per
 * finished start. Numbers are written with {@link Double#toString} so they read back exactly.
 */
final class MultiStartTsv {

    private static final String MAGIC = "# fixpoint multi-start";
    private static final int FIXED = 7;

    private MultiStartTsv() {
    }

    static void write(Path file, long seed, int starts, int n, List<StartResult> finished) {
        StringBuilder sb = new StringBuilder();
        sb.append(MAGIC).append("\tseed=").append(seed).append("\tstarts=").append(starts).append("\tdimension=")
                .append(n).append('\n');
        sb.append("start\tstatus\tvalue\titerations\tevaluations\tseconds\tmessage");
        for (int i = 0; i < n; i++) {
            sb.append("\tx0_").append(i);
        }
        for (int i = 0; i < n; i++) {
            sb.append("\tx_").append(i);
        }
        sb.append('\n');
        for (StartResult s : finished) {
            sb.append(s.index()).append('\t').append(s.status()).append('\t').append(s.value()).append('\t')
                    .append(s.iterations()).append('\t').append(s.evaluations()).append('\t').append(s.seconds())
                    .append('\t').append(AtomicFile.cell(s.message()));
            for (double v : s.x0()) {
                sb.append('\t').append(v);
            }
            for (double v : s.x()) {
                sb.append('\t').append(v);
            }
            sb.append('\n');
        }
        AtomicFile.write(file, sb);
    }

    /** Reads the finished starts, checking that seed, start count and dimension match the current run. */
    static List<StartResult> read(Path file, long seed, int starts, int n) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FixpointException("InvalidFile", file + ": cannot read: " + e);
        }
        if (lines.size() < 2 || !lines.get(0).startsWith(MAGIC)) {
            throw new FixpointException("InvalidFile", file + ", line 1: not a multi-start file (expected '" + MAGIC + "')");
        }
        String expected = "\tseed=" + seed + "\tstarts=" + starts + "\tdimension=" + n;
        if (!lines.get(0).substring(MAGIC.length()).equals(expected)) {
            throw new FixpointException("ResumeMismatch", file + ", line 1: '" + lines.get(0).substring(MAGIC.length()).trim()
                    + "' but this run has '" + expected.trim() + "'; use the same seed, start count and problem, or a new file");
        }
        List<StartResult> out = new ArrayList<>();
        for (int li = 2; li < lines.size(); li++) {
            String line = lines.get(li);
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            int row = li + 1;
            if (c.length != FIXED + 2 * n) {
                throw new FixpointException("InvalidFile", file + ", line " + row + ": " + c.length + " columns, expected "
                        + (FIXED + 2 * n));
            }
            int index = (int) number(file, row, "start", c[0], true);
            if (index < 0 || index >= starts) {
                throw new FixpointException("InvalidFile", file + ", line " + row + ", column start: " + index
                        + " outside 0 … " + (starts - 1));
            }
            OptimizerStatus status;
            try {
                status = OptimizerStatus.valueOf(c[1]);
            } catch (IllegalArgumentException e) {
                throw new FixpointException("InvalidFile", file + ", line " + row + ", column status: '" + c[1]
                        + "', expected one of " + java.util.Arrays.toString(OptimizerStatus.values()));
            }
            double[] x0 = new double[n];
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x0[i] = number(file, row, "x0_" + i, c[FIXED + i], false);
                x[i] = number(file, row, "x_" + i, c[FIXED + n + i], false);
            }
            out.add(new StartResult(index, x0, x, number(file, row, "value", c[2], false),
                    (int) number(file, row, "iterations", c[3], true), (int) number(file, row, "evaluations", c[4], true),
                    status, c[6], number(file, row, "seconds", c[5], false)));
        }
        return out;
    }

    private static double number(Path file, int row, String column, String text, boolean integer) {
        try {
            return integer ? Integer.parseInt(text) : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new FixpointException("InvalidFile", file + ", line " + row + ", column " + column + ": '" + text
                    + "' is not " + (integer ? "an integer" : "a number"));
        }
    }
}
