package dev.fixpoint.cli;

import ch.qos.logback.classic.Level;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.bootstrap.Fixpoint;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.spi.FixpointPlugin;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code fixpoint} command: global options and the bootstrap shared by the
 * subcommands. Global options may be given before or after the subcommand name.
 *
 * <p>Embedding applications and tests create one with {@link #commandLine()}, redirect its output
 * with {@link CommandLine#setOut}/{@link CommandLine#setErr} and call {@link CommandLine#execute}.
 */
@Command(name = "fixpoint",
        mixinStandardHelpOptions = true,
        versionProvider = FixpointVersion.class,
        description = "Differentiable iterative solvers: run domain suites, inspect backends and plugins, measure BLAS throughput.",
        subcommands = {InfoCommand.class, SuitesCommand.class, RunCommand.class, DemoCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 a metric missed its target or a run failed, 2 usage error."})
public final class FixpointCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(FixpointCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--backend", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Linear-algebra backend (openblas, jblas, java); overrides -D" + Backends.PROPERTY
                    + " and " + Backends.ENVIRONMENT + ".")
    private String backend;

    @Option(names = "--strict", scope = ScopeType.INHERIT,
            description = "Fail when any plugin fails to load (default: report it and go on).")
    private boolean strict;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log at INFO (backend choice, plugin loading) and show stack traces of errors.")
    private boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Show no progress on stderr.")
    private boolean quiet;

    private final List<FixpointPlugin> extraPlugins = new ArrayList<>();
    private boolean exportBackendProperty;

    /** Creates the command with no plugins besides those found on the class path. */
    public FixpointCommand() {
    }

    /**
     * @param plugins plugin instances to load besides the discovered ones (embedding, tests)
     * @return this command
     */
    public FixpointCommand withPlugins(List<FixpointPlugin> plugins) {
        extraPlugins.addAll(plugins);
        return this;
    }

    /**
     * @param export whether the chosen backend is also written to the system property
     *               {@value Backends#PROPERTY}, so that process-wide tensor code uses the same backend
     *               (the executable does this; embedded use leaves the JVM's properties alone)
     */
    void exportBackendProperty(boolean export) {
        this.exportBackendProperty = export;
    }

    /** @return a command line for this command, with fixpoint's exit codes and error reporting */
    public CommandLine commandLine() {
        CommandLine cl = new CommandLine(this);
        FailureReporter failures = new FailureReporter(this);
        cl.setExecutionExceptionHandler(failures);
        cl.setParameterExceptionHandler(failures);
        cl.setExecutionStrategy(parseResult -> {
            applyLogLevel();
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cl;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(err());
        return ExitCodes.USAGE;
    }

    /**
     * Builds the bootstrap: discovers plugins and selects the backend (global options applied).
     *
     * @param progress the listener bound for suites
     */
    Fixpoint bootstrap(ProgressListener progress) {
        Fixpoint.Builder b = Fixpoint.builder().strict(strict).progress(progress).backend(requestedBackend());
        extraPlugins.forEach(b::plugin);
        Fixpoint fixpoint = b.build();
        if (exportBackendProperty) {
            System.setProperty(Backends.PROPERTY, fixpoint.backend().name());
        }
        LOG.info("backend {}, {} plugins ({} failed)", fixpoint.backend().name(), fixpoint.plugins().size(),
                fixpoint.failedPlugins().size());
        return fixpoint;
    }

    /** @return the backend named by {@code --backend}, lowercased, or null */
    String requestedBackend() {
        return backend == null || backend.isBlank() ? null : backend.trim().toLowerCase(Locale.ROOT);
    }

    /** @return a progress listener on stderr, silent with {@code --quiet} */
    ProgressListener progress() {
        if (quiet) {
            return ProgressListener.SILENT;
        }
        return new ConsoleProgressBar(err(), System.console() != null);
    }

    /** @return the plugin instances given with {@link #withPlugins} */
    List<FixpointPlugin> extraPlugins() {
        return List.copyOf(extraPlugins);
    }

    boolean verbose() {
        return verbose;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private void applyLogLevel() {
        if (verbose && LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.INFO);
        }
        try {
            // jblas logs to stderr by itself (native library extraction and clean-up at exit)
            org.jblas.util.Logger.getLogger().setLevel(verbose ? org.jblas.util.Logger.INFO : org.jblas.util.Logger.WARNING);
        } catch (LinkageError jblasAbsent) {
            LOG.debug("jblas is not on the class path", jblasAbsent);
        }
    }
}
