package dev.fixpoint.core.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.multibindings.MapBinder;
import dev.fixpoint.core.ProgressListener;
import dev.fixpoint.core.internal.Causes;
import dev.fixpoint.core.linalg.BackendSelection;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.spi.FixpointPlugin;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.suite.SuiteRegistry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bootstrap: discovers {@link FixpointPlugin}s with {@link ServiceLoader}, selects the
 * linear-algebra backend, and builds one Guice {@link Injector} from the core bindings and every
 * plugin's modules and suites.
 *
 * <p>A plugin that fails — its class cannot be instantiated, {@code modules()} or {@code suites()}
 * throws, its bindings are invalid, its id or a suite name is taken — is reported in
 * {@link #plugins()} by id and cause, and the others load. In {@link Builder#strict(boolean) strict}
 * mode the first such failure throws a {@link PluginLoadException} instead.
 *
 * <p>Bound in the injector: {@link LinearAlgebraBackend} (the selected backend),
 * {@link BackendSelection}, {@link ProgressListener} (silent unless given), {@link SuiteRegistry}.
 */
public final class Fixpoint {
    private static final Logger LOG = LoggerFactory.getLogger(Fixpoint.class);

    private final Injector injector;
    private final List<PluginStatus> plugins;
    private final BackendSelection backendSelection;

    private Fixpoint(Injector injector, List<PluginStatus> plugins, BackendSelection selection) {
        this.injector = injector;
        this.plugins = List.copyOf(plugins);
        this.backendSelection = selection;
    }

    /** @return a builder with default settings (lenient, context class loader, backend from property/env) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a bootstrap with default settings */
    public static Fixpoint start() {
        return builder().build();
    }

    /** @return the injector holding core and plugin bindings */
    public Injector injector() {
        return injector;
    }

    /** @return every discovered plugin, loaded and failed, in discovery order */
    public List<PluginStatus> plugins() {
        return plugins;
    }

    /** @return the plugins that failed to load */
    public List<PluginStatus> failedPlugins() {
        return plugins.stream().filter(p -> !p.loaded()).toList();
    }

    /** @return the backend selection (chosen backend and every provider's status) */
    public BackendSelection backendSelection() {
        return backendSelection;
    }

    /** @return the chosen backend */
    public LinearAlgebraBackend backend() {
        return backendSelection.backend();
    }

    /** @return the registry of all suites */
    public SuiteRegistry suites() {
        return injector.getInstance(SuiteRegistry.class);
    }

    /** Configures and builds a {@link Fixpoint}. Not thread-safe. */
    public static final class Builder {
        private boolean strict;
        private ClassLoader loader = Thread.currentThread().getContextClassLoader();
        private String backend;
        private ProgressListener progress = ProgressListener.SILENT;
        private final List<FixpointPlugin> extraPlugins = new ArrayList<>();

        private Builder() {
        }

        /** @param strict if true, a plugin that fails to load makes {@link #build()} throw */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** @param loader where plugins and backend providers are discovered */
        public Builder classLoader(ClassLoader loader) {
            this.loader = Objects.requireNonNull(loader);
            return this;
        }

        /** @param name backend to use; null means property / environment / highest priority */
        public Builder backend(String name) {
            this.backend = name;
            return this;
        }

        /** @param progress the listener bound for long work (default silent) */
        public Builder progress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        /** Adds a plugin instance besides the discovered ones (tests, embedding applications). */
        public Builder plugin(FixpointPlugin plugin) {
            extraPlugins.add(Objects.requireNonNull(plugin));
            return this;
        }

        /**
         * @return the bootstrap
         * @throws PluginLoadException in strict mode when a plugin fails, or when plugins that load
         *         alone conflict with each other
         * @throws dev.fixpoint.core.linalg.UnknownBackendException if the requested backend is unknown
         */
        public Fixpoint build() {
            String requested = backend != null ? backend : Backends.requestedName();
            BackendSelection selection = Backends.select(requested, loader);
            Module core = new CoreBindings(selection, progress);

            List<PluginStatus> statuses = new ArrayList<>();
            Map<String, Candidate> accepted = new LinkedHashMap<>();
            Map<String, String> suiteOwners = new LinkedHashMap<>();
            for (Object found : discover(statuses)) {
                FixpointPlugin plugin = (FixpointPlugin) found;
                Candidate c;
                try {
                    c = Candidate.of(plugin);
                } catch (Throwable t) {
                    fail(statuses, safeId(plugin), "", "", "its modules() or suites() threw: " + Causes.describe(t), t);
                    continue;
                }
                if (accepted.containsKey(c.id)) {
                    fail(statuses, c.id, c.version, c.description,
                            "another plugin already has the id '" + c.id + "'", null);
                    continue;
                }
                String clash = c.suites.stream().map(Suite::name).filter(suiteOwners::containsKey)
                        .findFirst().orElse(null);
                if (clash != null) {
                    fail(statuses, c.id, c.version, c.description, "suite '" + clash
                            + "' is already registered by plugin '" + suiteOwners.get(clash) + "'", null);
                    continue;
                }
                try {
                    Guice.createInjector(Stage.PRODUCTION, core, c.module()); // validate alone
                } catch (Throwable t) {
                    fail(statuses, c.id, c.version, c.description, "its bindings are invalid: " + Causes.describe(t), t);
                    continue;
                }
                accepted.put(c.id, c);
                c.suites.forEach(s -> suiteOwners.put(s.name(), c.id));
                statuses.add(new PluginStatus(c.id, c.version, c.description, true,
                        c.suites.stream().map(Suite::name).toList(), "", null));
                LOG.info("plugin {} {} loaded ({} suites)", c.id, c.version, c.suites.size());
            }

            List<Module> modules = new ArrayList<>();
            modules.add(core);
            accepted.values().forEach(c -> modules.add(c.module()));
            Injector injector;
            try {
                injector = Guice.createInjector(Stage.PRODUCTION, modules);
            } catch (Throwable t) {
                throw new PluginLoadException("plugins " + accepted.keySet()
                        + " each load alone but conflict together: " + Causes.describe(t), t);
            }
            return new Fixpoint(injector, statuses, selection);
        }

        private List<Object> discover(List<PluginStatus> statuses) {
            List<Object> out = new ArrayList<>();
            Iterator<FixpointPlugin> it = ServiceLoader.load(FixpointPlugin.class, loader).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    out.add(it.next());
                } catch (ServiceConfigurationError e) {
                    fail(statuses, providerName(e), "", "", "could not be instantiated: " + Causes.describe(e), e);
                }
            }
            out.addAll(extraPlugins);
            return out;
        }

        private void fail(List<PluginStatus> statuses, String id, String version, String description,
                          String why, Throwable cause) {
            if (strict) {
                throw new PluginLoadException("plugin '" + id + "' failed to load: " + why
                        + " (strict mode; run without strict mode to load the other plugins)", cause);
            }
            LOG.warn("plugin {} failed to load: {}", id, why);
            statuses.add(new PluginStatus(id, version, description, false, List.of(), why, cause));
        }
    }

    /** A plugin whose contributions have been read once. */
    private static final class Candidate {
        final String id;
        final String version;
        final String description;
        final List<Module> modules;
        final List<Suite> suites;

        private Candidate(String id, String version, String description, List<Module> modules, List<Suite> suites) {
            this.id = id;
            this.version = version;
            this.description = description;
            this.modules = modules;
            this.suites = suites;
        }

        static Candidate of(FixpointPlugin p) {
            String id = Objects.requireNonNull(p.id(), "id()");
            if (!id.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("plugin id '" + id + "' must be lowercase letters, digits and '-'");
            }
            List<Module> modules = List.copyOf(p.modules());
            List<Suite> suites = List.copyOf(p.suites());
            return new Candidate(id, Objects.toString(p.version(), ""), Objects.toString(p.description(), ""),
                    modules, suites);
        }

        Module module() {
            return new AbstractModule() {
                @Override
                protected void configure() {
                    modules.forEach(this::install);
                    MapBinder<String, Suite> map = SuiteRegistry.binder(binder());
                    suites.forEach(s -> map.addBinding(s.name()).toInstance(s));
                }
            };
        }
    }

    /** Core bindings: the selected backend, the selection, progress, and the (possibly empty) suite map. */
    private static final class CoreBindings extends AbstractModule {
        private final BackendSelection selection;
        private final ProgressListener progress;

        CoreBindings(BackendSelection selection, ProgressListener progress) {
            this.selection = selection;
            this.progress = progress;
        }

        @Override
        protected void configure() {
            bind(BackendSelection.class).toInstance(selection);
            bind(LinearAlgebraBackend.class).toInstance(selection.backend());
            bind(ProgressListener.class).toInstance(progress);
            SuiteRegistry.binder(binder());
        }
    }

    private static String safeId(FixpointPlugin p) {
        try {
            return Objects.requireNonNull(p.id());
        } catch (Throwable t) {
            return p.getClass().getName();
        }
    }

    private static String providerName(ServiceConfigurationError e) {
        // "dev.fixpoint.core.spi.FixpointPlugin: Provider com.x.Y could not be instantiated"
        String m = String.valueOf(e.getMessage());
        int i = m.indexOf("Provider ");
        if (i >= 0) {
            String rest = m.substring(i + 9);
            int sp = rest.indexOf(' ');
            return sp > 0 ? rest.substring(0, sp) : rest;
        }
        return "unknown plugin";
    }
}
