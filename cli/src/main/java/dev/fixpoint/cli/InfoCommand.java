package dev.fixpoint.cli;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.bootstrap.Fixpoint;
import dev.fixpoint.core.bootstrap.PluginStatus;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.linalg.ProviderStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fixpoint info}: versions, machine, the chosen backend and why, every backend provider with
 * its priority, availability and reason, loaded and failed plugins, and the environment variables
 * that change what runs.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show versions, machine, backend providers (chosen, available, why not) and plugins.")
final class InfoCommand implements Callable<Integer> {
    /** Environment variables shown because they change which backend runs and how fast. */
    static final List<String> ENVIRONMENT = List.of("OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS", Backends.ENVIRONMENT);

    @ParentCommand
    private FixpointCommand root;

    @Override
    public Integer call() {
        String property = System.getProperty(Backends.PROPERTY); // before the bootstrap may export the choice
        Fixpoint fixpoint = root.bootstrap(ProgressListener.SILENT);
        PrintWriter out = root.out();
        MachineDescription machine = MachineDescription.current();
        out.println("fixpoint " + FixpointVersion.get());
        out.println("java     " + machine.java() + ", " + System.getProperty("java.home"));
        out.println("os       " + machine.os() + ", " + machine.cores() + " cores");
        out.println("cpu      " + machine.cpu());
        out.println("backend  " + fixpoint.backend().name() + " (" + fixpoint.backendSelection().chosen().reason() + ")");

        out.println();
        out.println("backend providers (highest priority first):");
        TextTable providers = new TextTable(new String[]{"", "name", "priority", "available", "reason", "description"},
                false, false, true);
        for (ProviderStatus s : fixpoint.backendSelection().statuses()) {
            providers.row(s.chosen() ? "*" : "", s.name(), Integer.toString(s.priority()),
                    s.available() ? "yes" : s.probed() ? "no" : "not loaded", s.reason(), s.description());
        }
        out.print(providers.render("  "));

        List<PluginStatus> loaded = fixpoint.plugins().stream().filter(PluginStatus::loaded).toList();
        out.println();
        out.println("plugins loaded: " + (loaded.isEmpty() ? "none" : ""));
        if (!loaded.isEmpty()) {
            TextTable plugins = new TextTable(new String[]{"id", "version", "suites", "description"}, false, false, true);
            for (PluginStatus p : loaded) {
                plugins.row(p.id(), p.version(), Integer.toString(p.suites().size()), p.description());
            }
            out.print(plugins.render("  "));
        }
        List<PluginStatus> failed = fixpoint.failedPlugins();
        out.println("plugins failed: " + (failed.isEmpty() ? "none" : ""));
        for (PluginStatus p : failed) {
            out.println("  " + p.id() + ": " + p.failure());
        }

        out.println();
        out.println("environment:");
        for (String name : ENVIRONMENT) {
            String v = System.getenv(name);
            out.println("  " + name + "=" + (v == null ? "(unset)" : v));
        }
        if (property != null) {
            out.println("  -D" + Backends.PROPERTY + "=" + property);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
