package dev.fixpoint.core.spi;

import com.google.inject.Module;
import java.util.List;

/**
 * Entry point of a fixpoint plugin, discovered with {@link java.util.ServiceLoader} (register the
 * class in {@code META-INF/services/dev.fixpoint.core.spi.FixpointPlugin}; it needs a public
 * no-argument constructor).
 *
 * <p>The bootstrap ({@link dev.fixpoint.core.bootstrap.Fixpoint}) instantiates every plugin, collects
 * its Guice {@link #modules()} and {@link #suites()}, and builds one injector. A plugin whose
 * constructor, {@code modules()}, {@code suites()} or bindings fail is reported by {@link #id()} and
 * cause, and the others still load (unless strict mode is on).
 *
 * <p>Every method but {@link #id()} has a default, so a plugin implements only what it contributes.
 * Constructors must be cheap and must not do I/O; heavy work belongs in the objects the modules
 * bind.
 */
public interface FixpointPlugin {

    /** @return a stable lowercase identifier, unique among plugins, e.g. {@code "imaging"} */
    String id();

    /** @return the plugin version; defaults to the jar manifest's Implementation-Version */
    default String version() {
        String v = getClass().getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** @return one line describing what the plugin contributes */
    default String description() {
        return "";
    }

    /**
     * @return Guice modules to install in the shared injector. Extend registries with
     * {@code Multibinder}/{@code MapBinder} keyed by a stable name; never rely on classpath order.
     */
    default List<Module> modules() {
        return List.of();
    }

    /** @return domain suites contributed by this plugin; names must be unique across plugins */
    default List<Suite> suites() {
        return List.of();
    }
}
