package dev.fixpoint.cli;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.bootstrap.Fixpoint;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.suite.SuiteRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fixpoint demo [--out DIR]}: runs every registered suite with its quick profile into
 * {@code DIR/<suite>}, prints each table, and writes {@code DIR/index.html} showing them all. A
 * suite that throws is marked failed on the page and the others still run; the exit code is 1 if
 * any suite failed or missed a target.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run every suite's quick profile and write an HTML page with tables and figures.")
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    private FixpointCommand root;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "fixpoint-out/demo",
            description = "Output folder for index.html and one folder per suite (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        ProgressListener progress = root.progress();
        Fixpoint fixpoint = root.bootstrap(progress);
        SuiteRunner runner = fixpoint.injector().getInstance(SuiteRunner.class);
        PrintWriter stdout = root.out();
        DemoIndexPage page = new DemoIndexPage(out, fixpoint.backend().name(), MachineDescription.current(),
                ZonedDateTime.now());
        int exit = ExitCodes.OK;
        for (Suite suite : fixpoint.suites().all()) {
            Path dir = out.resolve(suite.name());
            stdout.println("== " + suite.name() + " (quick) on backend " + fixpoint.backend().name() + ", output " + dir);
            stdout.flush();
            long t0 = System.nanoTime();
            Map<String, Object> params = Map.of();
            try {
                params = SuiteRunner.resolve(suite, Map.of(), true);
                Report report = runner.run(suite, Map.of(), true, dir);
                double seconds = (System.nanoTime() - t0) * 1e-9;
                ReportText.print(stdout, report, seconds);
                page.add(new DemoIndexPage.Entry(suite, params, report, "", seconds));
                if (!report.passed()) {
                    exit = ExitCodes.FAILED;
                }
            } catch (Exception | LinkageError e) {
                double seconds = (System.nanoTime() - t0) * 1e-9;
                FailureReporter.report(root.err(), e, root.verbose());
                stdout.println("FAIL: " + suite.name() + " did not complete");
                page.add(new DemoIndexPage.Entry(suite, params, null, failure(e), seconds));
                exit = ExitCodes.FAILED;
            }
            stdout.println();
        }
        Path index = page.write();
        stdout.println("demo page: " + index.toAbsolutePath());
        stdout.flush();
        return exit;
    }

    private static String failure(Throwable e) {
        String m = e instanceof FixpointException ? e.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return FailureReporter.firstLine(m);
    }
}
