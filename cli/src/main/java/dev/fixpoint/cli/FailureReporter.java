package dev.fixpoint.cli;

import dev.fixpoint.core.FixpointException;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one clean line on stderr and an exit code: usage errors (unknown option,
 * suite or backend, bad parameter) give {@link ExitCodes#USAGE}, anything else
 * {@link ExitCodes#FAILED}. The stack trace is shown only with {@code --verbose}.
 */
final class FailureReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** Identifiers of {@link FixpointException}s that mean the user asked for something that does not exist. */
    static final Set<String> USAGE_IDS = Set.of("UnknownSuite", "BadParameter", "UnknownBackend", "Usage");

    private final FixpointCommand root;

    FailureReporter(FixpointCommand root) {
        this.root = root;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("fixpoint: [fixpoint/Usage] " + firstLine(ex.getMessage()) + " (see '"
                + cl.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        report(err, ex, root.verbose());
        return exitCode(ex);
    }

    /** Prints one line for {@code ex} (plus the stack trace when verbose). */
    static void report(PrintWriter err, Throwable ex, boolean verbose) {
        String text = ex instanceof FixpointException ? ex.getMessage()
                : ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
        err.println("fixpoint: " + firstLine(text)
                + (verbose || ex instanceof FixpointException ? "" : " (--verbose shows the stack trace)"));
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
    }

    /** @return {@link ExitCodes#USAGE} for usage errors, else {@link ExitCodes#FAILED} */
    static int exitCode(Throwable ex) {
        return ex instanceof FixpointException fe && USAGE_IDS.contains(fe.id()) ? ExitCodes.USAGE : ExitCodes.FAILED;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip() + " …";
    }
}
