package dev.fixpoint.cli;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.io.AtomicFiles;
import dev.fixpoint.core.linalg.BackendSelection;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fixpoint bench blas [--sizes 500,1000,2000] [--backends a,b] [--out FILE.csv]}: dgemm and
 * dgemv throughput of every available backend provider (or the named ones), measured by
 * {@link BlasThroughput}, printed as a table with the machine line and optionally written as CSV.
 */
@Command(name = "blas", mixinStandardHelpOptions = true,
        description = "Measure dgemm (2n^3 flops) and dgemv (2n^2 flops) GFLOPS of every available backend.")
final class BlasBenchCommand implements Callable<Integer> {
    @ParentCommand
    private BenchCommand bench;

    @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "500,1000,2000",
            description = "Matrix orders, comma-separated (default: ${DEFAULT-VALUE}).")
    private List<Integer> sizes;

    @Option(names = "--backends", split = ",", paramLabel = "NAME",
            description = "Backends to measure, comma-separated (default: every available one).")
    private List<String> backends;

    @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "3",
            description = "Time budget per backend, routine and size; at least one timed run after a warm-up always happens (default: ${DEFAULT-VALUE}).")
    private double budgetSeconds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the random operands (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.csv", description = "Also write the results as CSV (atomically).")
    private Path csv;

    @Option(names = "--in-process", description = "Measure every backend in this JVM. By default, when several "
            + "backends are measured, each runs in its own JVM so that no other native BLAS can take over its symbols.")
    private boolean inProcess;

    @Override
    public Integer call() throws IOException {
        FixpointCommand root = bench.root;
        for (int n : sizes) {
            if (n < 1 || n > 20_000) {
                throw new FixpointException("Usage", "--sizes: " + n + " is not a matrix order in [1, 20000]");
            }
        }
        if (!(budgetSeconds > 0)) {
            throw new FixpointException("Usage", "--budget must be a positive number of seconds, got " + budgetSeconds);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<String> names = chosenNames(loader);
        boolean isolated = !inProcess && names.size() > 1;

        MachineDescription machine = MachineDescription.current();
        BlasThroughput throughput = new BlasThroughput(budgetSeconds, seed);
        ProgressListener progress = root.progress();
        List<BlasThroughput.Measurement> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        progress.begin("bench blas", isolated ? names.size() : 2L * names.size() * sizes.size());
        try {
            for (String name : names) {
                if (isolated) {
                    progress.status(name + " (separate JVM)");
                    try {
                        results.addAll(IsolatedBench.measure(name, sizes, budgetSeconds, seed));
                    } catch (FixpointException e) {
                        failures.add(name + ": " + FailureReporter.firstLine(e.getMessage()));
                    }
                    progress.advance(1);
                    continue;
                }
                // loads only this provider (selection by name), so no other native BLAS is in the process
                LinearAlgebraBackend b = Backends.select(name, loader).backend();
                for (String routine : List.of("dgemm", "dgemv")) {
                    for (int n : sizes) {
                        progress.status(b.name() + " " + routine + " n=" + n);
                        try {
                            results.add(routine.equals("dgemm") ? throughput.gemm(b, n) : throughput.gemv(b, n));
                        } catch (RuntimeException | OutOfMemoryError e) {
                            failures.add(b.name() + " " + routine + " n=" + n + ": " + FailureReporter.firstLine(
                                    e instanceof FixpointException ? e.getMessage() : e.toString()));
                        }
                        progress.advance(1);
                    }
                }
            }
        } finally {
            progress.end();
        }

        PrintWriter out = root.out();
        TextTable table = new TextTable(new String[]{"provider", "routine", "n", "GFLOPS", "best time", "timed runs"},
                false, false, true, true, true, true);
        for (BlasThroughput.Measurement m : results) {
            table.row(m.provider(), m.routine(), Integer.toString(m.n()), String.format(Locale.ROOT, "%.2f", m.gflops()),
                    time(m.bestSeconds()), Integer.toString(m.timedRuns()));
        }
        out.print(table.render(""));
        out.println("machine: " + machine.line());
        for (String f : failures) {
            out.println("FAILED: " + f);
        }
        if (csv != null) {
            AtomicFiles.writeString(csv, csv(results, machine));
            out.println("csv: " + csv.toAbsolutePath());
        }
        out.flush();
        return failures.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** The backends to measure: the named ones (checked to be available) or every available one. */
    private List<String> chosenNames(ClassLoader loader) {
        BackendSelection selection = null;
        if (backends == null || backends.isEmpty()) {
            selection = Backends.select(null, loader);
            return selection.availableNames();
        }
        List<String> out = new ArrayList<>();
        for (String name : backends) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (selection == null && backends.size() == 1) {
                Backends.select(n, loader); // throws [fixpoint/UnknownBackend] listing the available ones
            } else {
                if (selection == null) {
                    selection = Backends.select(null, loader);
                }
                if (selection.available(n).isEmpty()) {
                    throw new FixpointException("UnknownBackend", "--backends: '" + n + "' is not an available backend; available: "
                            + String.join(", ", selection.availableNames()) + " (see 'fixpoint info' for why others are not)");
                }
            }
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static String time(double seconds) {
        return seconds >= 1 ? String.format(Locale.ROOT, "%.3f s", seconds)
                : seconds >= 1e-3 ? String.format(Locale.ROOT, "%.3f ms", seconds * 1e3)
                : String.format(Locale.ROOT, "%.2f us", seconds * 1e6);
    }

    static String csv(List<BlasThroughput.Measurement> results, MachineDescription machine) {
        StringBuilder sb = new StringBuilder("provider,routine,n,gflops,best_seconds,timed_runs,cores,cpu,java,openblas_coretype\n");
        for (BlasThroughput.Measurement m : results) {
            sb.append(m.provider()).append(',').append(m.routine()).append(',').append(m.n()).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", m.gflops())).append(',')
                    .append(String.format(Locale.ROOT, "%.6e", m.bestSeconds())).append(',').append(m.timedRuns())
                    .append(',').append(machine.cores()).append(',').append(field(machine.cpu())).append(',')
                    .append(field(machine.java())).append(',').append(field(machine.openblasCoretype())).append('\n');
        }
        return sb.toString();
    }

    private static String field(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
