package dev.fixpoint.operators.registry;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.operators.LinearOperator;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;

/**
 * Linear operators by name, for suites and configuration ({@code operator=gradient2d(shape=64x64)}). Entries
 * are Guice map bindings: {@code OperatorRegistry.binder(binder()).addBinding("gradient2d").toInstance(…)};
 * the built-in ones come with the {@code operators} plugin.
 */
public final class OperatorRegistry {
    private final Map<String, OperatorFactory> factories;

    /** @param factories the bound factories by name */
    @Inject
    public OperatorRegistry(Map<String, OperatorFactory> factories) {
        this.factories = new TreeMap<>(factories);
    }

    /** @return the map binder through which modules add entries */
    public static MapBinder<String, OperatorFactory> binder(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, OperatorFactory.class);
    }

    /** @return the entries by name, sorted */
    public Map<String, OperatorFactory> entries() {
        return java.util.Collections.unmodifiableMap(factories);
    }

    /**
     * @param spec {@code name} or {@code name(key=value, ...)}
     * @return the operator
     * @throws FixpointException {@code [fixpoint/UnknownOperator]} listing the known names, or
     *         {@code [fixpoint/BadParameter]} naming a bad or unknown argument
     */
    public LinearOperator create(String spec) {
        RegistrySpec s = RegistrySpec.parse(spec);
        OperatorFactory f = factories.get(s.name());
        if (f == null) {
            throw new FixpointException("UnknownOperator", "no linear operator named '" + s.name() + "'; known: "
                    + String.join(", ", factories.keySet()));
        }
        FactoryArguments args = new FactoryArguments(s.name(), s.arguments());
        LinearOperator p = f.create(args);
        args.requireAllUsed();
        return p;
    }
}
