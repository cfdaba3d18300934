package dev.fixpoint.cli;

import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.bootstrap.Fixpoint;
import dev.fixpoint.core.bootstrap.PluginStatus;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.linalg.ProviderStatus;
import dev.fixpoint.core.spi.FixpointPlugin;
import dev.fixpoint.core.spi.Suite;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
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
                    s.available() ? "yes" : "no", s.reason(), s.description());
        }
        out.print(providers.render("  "));

        Map<String, Long> suitesPerPlugin = suitesPerPlugin(fixpoint);
        List<PluginStatus> loaded = fixpoint.plugins().stream().filter(PluginStatus::loaded).toList();
        out.println();
        out.println("plugins loaded: " + (loaded.isEmpty() ? "none" : ""));
        if (!loaded.isEmpty()) {
            TextTable plugins = new TextTable(new String[]{"id", "version", "suites", "description"}, false, false, true);
            for (PluginStatus p : loaded) {
                plugins.row(p.id(), p.version(), Long.toString(suitesPerPlugin.getOrDefault(p.id(), 0L)), p.description());
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

    /**
     * Counts the registered suites of each loaded plugin. {@link PluginStatus} does not carry the
     * count, so the plugins are asked again (their constructors are cheap and do no I/O by contract);
     * a plugin that cannot be asked counts 0.
     */
    private Map<String, Long> suitesPerPlugin(Fixpoint fixpoint) {
        Set<String> registered = new HashSet<>(fixpoint.suites().names());
        Map<String, Long> counts = new HashMap<>();
        List<FixpointPlugin> plugins = new ArrayList<>(root.extraPlugins());
        Iterator<FixpointPlugin> it = ServiceLoader.load(FixpointPlugin.class,
                Thread.currentThread().getContextClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                plugins.add(it.next());
            } catch (ServiceConfigurationError e) {
                // already reported as a failed plugin by the bootstrap
            }
        }
        for (FixpointPlugin p : plugins) {
            try {
                counts.putIfAbsent(p.id(), p.suites().stream().map(Suite::name).filter(registered::contains).count());
            } catch (RuntimeException | LinkageError e) {
                // already reported as a failed plugin by the bootstrap
            }
        }
        return counts;
    }
}
