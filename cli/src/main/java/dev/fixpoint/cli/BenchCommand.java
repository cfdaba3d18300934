package dev.fixpoint.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fixpoint bench}: groups the measurements; {@code bench blas} is the only one so far. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure performance.",
        subcommands = BlasBenchCommand.class)
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    FixpointCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("fixpoint: [fixpoint/Usage] missing measurement: use 'fixpoint bench blas'");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
