package dev.fixpoint.cli;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.bootstrap.Fixpoint;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteParameter;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code fixpoint suites}: every registered suite with its description, parameters and quick profile. */
@Command(name = "suites", mixinStandardHelpOptions = true,
        description = "List the suites contributed by plugins, with their parameters and quick profile.")
final class SuitesCommand implements Callable<Integer> {
    @ParentCommand
    private FixpointCommand root;

    @Override
    public Integer call() {
        Fixpoint fixpoint = root.bootstrap(ProgressListener.SILENT);
        PrintWriter out = root.out();
        List<Suite> suites = fixpoint.suites().all();
        if (suites.isEmpty()) {
            out.println("no suites: no loaded plugin contributes one (see 'fixpoint info' for failed plugins)");
        }
        for (int i = 0; i < suites.size(); i++) {
            Suite s = suites.get(i);
            if (i > 0) {
                out.println();
            }
            out.println(s.name());
            out.println("  " + s.description());
            List<SuiteParameter> params = s.parameters();
            if (params.isEmpty()) {
                out.println("  parameters: none");
            } else {
                out.println("  parameters:");
                TextTable t = new TextTable(new String[]{"name", "type", "default", "description"});
                for (SuiteParameter p : params) {
                    t.row(p.name(), p.typeDescription(), p.defaultValue(), p.description());
                }
                out.print(t.render("    "));
            }
            out.println("  quick profile: " + quickProfile(s.quickProfile()));
        }
        out.println();
        out.println("run one with: fixpoint run SUITE [--param NAME=VALUE]... [--quick]");
        out.flush();
        return ExitCodes.OK;
    }

    private static String quickProfile(Map<String, String> overrides) {
        if (overrides.isEmpty()) {
            return "the defaults";
        }
        return overrides.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
