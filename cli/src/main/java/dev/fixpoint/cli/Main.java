package dev.fixpoint.cli;

/**
 * Entry point of the executable jar: runs the {@code fixpoint} command and exits with its code
 * (0 success, 1 a metric missed its target or a run failed, 2 a usage error).
 */
public final class Main {
    private Main() {
    }

    /** @param args the command-line arguments */
    public static void main(String[] args) {
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            // SLF4J 2.0.x announces its provider on stderr at INFO; the CLI's stderr is for the user
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        FixpointCommand root = new FixpointCommand();
        root.exportBackendProperty(true);
        System.exit(root.commandLine().execute(args));
    }
}
