package dev.fixpoint.operators.registry;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import dev.fixpoint.operators.ProximalFunction;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Proximal functions by name, for suites and configuration ({@code prox=l1(lambda=0.1)}). Entries
 * are Guice map bindings: {@code ProximalRegistry.binder(binder()).addBinding("l1").toInstance(…)};
 * the built-in ones come with the {@code operators} plugin ({@link OperatorsModule}).
 */
public final class ProximalRegistry extends NamedRegistry<ProximalFactory> {

    /** @param factories the bound factories by name */
    @Inject
    public ProximalRegistry(Map<String, ProximalFactory> factories) {
        super(factories, "UnknownProx", "proximal function");
    }

    /** @return the map binder through which modules add entries */
    public static MapBinder<String, ProximalFactory> binder(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, ProximalFactory.class);
    }

    /**
     * @param spec {@code name} or {@code name(key=value, ...)}
     * @return the function
     * @throws dev.fixpoint.core.FixpointException {@code [fixpoint/UnknownProx]} listing the known
     *         names, or {@code [fixpoint/BadParameter]} naming a bad or unknown argument
     */
    public ProximalFunction create(String spec) {
        return create(spec, ProximalFactory::create);
    }
}
