package dev.fixpoint.operators.registry;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.operators.ProximalFunction;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;

/**
 * Proximal functions by name, for suites and configuration ({@code prox=l1(lambda=0.1)}). Entries
 * are Guice map bindings: {@code ProximalRegistry.binder(binder()).addBinding("l1").toInstance(…)};
 * the built-in ones come with the {@code operators} plugin.
 */
public final class ProximalRegistry {
    private final Map<String, ProximalFactory> factories;

    /** @param factories the bound factories by name */
    @Inject
    public ProximalRegistry(Map<String, ProximalFactory> factories) {
        this.factories = new TreeMap<>(factories);
    }

    /** @return the map binder through which modules add entries */
    public static MapBinder<String, ProximalFactory> binder(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, ProximalFactory.class);
    }

    /** @return the entries by name, sorted */
    public Map<String, ProximalFactory> entries() {
        return java.util.Collections.unmodifiableMap(factories);
    }

    /**
     * @param spec {@code name} or {@code name(key=value, ...)}
     * @return the function
     * @throws FixpointException {@code [fixpoint/UnknownProx]} listing the known names, or
     *         {@code [fixpoint/BadParameter]} naming a bad or unknown argument
     */
    public ProximalFunction create(String spec) {
        RegistrySpec s = RegistrySpec.parse(spec);
        ProximalFactory f = factories.get(s.name());
        if (f == null) {
            throw new FixpointException("UnknownProx", "no proximal function named '" + s.name() + "'; known: "
                    + String.join(", ", factories.keySet()));
        }
        FactoryArguments args = new FactoryArguments(s.name(), s.arguments());
        ProximalFunction p = f.create(args);
        args.requireAllUsed();
        return p;
    }
}
