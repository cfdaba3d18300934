package dev.fixpoint.cli;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.bootstrap.Fixpoint;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.suite.SuiteRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fixpoint run SUITE… [--param k=v]… [--out DIR] [--quick]}: validates every suite name and
 * parameter first, then runs the suites one after another into {@code DIR/<suite>}, printing each
 * metrics table and artifact list. A suite that throws is reported and the others still run.
 * Exit code 0 when every metric met its target, 1 otherwise, 2 for a usage error.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one or more suites and print their metrics and artifacts.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private FixpointCommand root;

    @Parameters(arity = "1..*", paramLabel = "SUITE", description = "Suite names (see 'fixpoint suites').")
    private List<String> suiteNames;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "Set a suite parameter; repeatable. With several suites it applies to each suite declaring it.")
    private List<String> params = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "fixpoint-out/run",
            description = "Output folder; each suite writes to DIR/<suite> (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--quick", description = "Start from each suite's quick profile (a run of a few seconds).")
    private boolean quick;

    @Override
    public Integer call() {
        ProgressListener progress = root.progress();
        Fixpoint fixpoint = root.bootstrap(progress);
        List<Suite> suites = new ArrayList<>();
        for (String name : suiteNames) {
            suites.add(fixpoint.suites().get(name));
        }
        ParameterOverrides overrides = ParameterOverrides.parse(params);
        overrides.validate(suites, quick);

        SuiteRunner runner = fixpoint.injector().getInstance(SuiteRunner.class);
        PrintWriter stdout = root.out();
        int exit = ExitCodes.OK;
        for (Suite suite : suites) {
            Path dir = out.resolve(suite.name());
            stdout.println("== " + suite.name() + (quick ? " (quick)" : "") + " on backend " + fixpoint.backend().name()
                    + ", output " + dir);
            stdout.flush();
            long t0 = System.nanoTime();
            try {
                Report report = runner.run(suite, overrides.forSuite(suite), quick, dir);
                ReportText.print(stdout, report, (System.nanoTime() - t0) * 1e-9);
                if (!report.passed()) {
                    exit = ExitCodes.FAILED;
                }
            } catch (Exception e) {
                if (e instanceof FixpointException fe && FailureReporter.USAGE_IDS.contains(fe.id())) {
                    throw fe;
                }
                FailureReporter.report(root.err(), e, root.verbose());
                stdout.println("FAIL: " + suite.name() + " did not complete");
                exit = ExitCodes.FAILED;
            }
            stdout.println();
            stdout.flush();
        }
        return exit;
    }
}
