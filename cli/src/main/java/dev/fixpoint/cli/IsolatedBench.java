package dev.fixpoint.cli;

import dev.fixpoint.core.FixpointException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Measures one backend in a child JVM ({@code fixpoint bench blas --in-process --backends NAME}),
 * so that only that backend's native library is loaded while it is timed. Native BLAS libraries
 * export the same symbols: once the system OpenBLAS is in a process, the dynamic linker can route
 * jblas' own {@code dgemm_} to it, and an in-process "jblas" figure would be OpenBLAS's.
 */
final class IsolatedBench {
    private IsolatedBench() {
    }

    static List<BlasThroughput.Measurement> measure(String backend, List<Integer> sizes, double budgetSeconds, long seed)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path csv = Files.createTempFile("fixpoint-bench-" + backend, ".csv");
        try {
            List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "-q", "bench", "blas", "--in-process", "--backends", backend,
                    "--sizes", sizes.stream().map(String::valueOf).collect(Collectors.joining(",")),
                    "--budget", Double.toString(budgetSeconds), "--seed", Long.toString(seed), "--out", csv.toString());
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            int rc;
            try {
                rc = p.waitFor();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new FixpointException("BenchInterrupted", "interrupted while measuring " + backend);
            }
            if (rc != 0) {
                throw new FixpointException("BenchFailed", "measuring backend '" + backend
                        + "' in a separate JVM failed with exit code " + rc + " (its errors are printed above)");
            }
            return parse(Files.readAllLines(csv, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** Reads the first six columns of {@link BlasBenchCommand#csv}, which never contain commas. */
    static List<BlasThroughput.Measurement> parse(List<String> lines) {
        List<BlasThroughput.Measurement> out = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.split(",", 7);
            out.add(new BlasThroughput.Measurement(f[0], f[1], Integer.parseInt(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Integer.parseInt(f[5])));
        }
        return out;
    }
}
