package dev.fixpoint.operators.registry;

import dev.fixpoint.core.FixpointException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The lookup shared by the registries: parses a {@link RegistrySpec}, finds the factory by name
 * (an unknown name lists the known ones) and rejects arguments the factory did not read.
 *
 * @param <F> the factory type
 */
abstract class NamedRegistry<F> {
    private final Map<String, F> factories;
    private final String errorId;
    private final String kind;

    NamedRegistry(Map<String, F> factories, String errorId, String kind) {
        this.factories = new TreeMap<>(factories);
        this.errorId = errorId;
        this.kind = kind;
    }

    /** @return the entries by name, sorted */
    public Map<String, F> entries() {
        return Collections.unmodifiableMap(factories);
    }

    final <T> T create(String spec, BiFunction<F, FactoryArguments, T> create) {
        RegistrySpec s = RegistrySpec.parse(spec);
        F f = factories.get(s.name());
        if (f == null) {
            throw new FixpointException(errorId, "no " + kind + " named '" + s.name() + "'; known: "
                    + String.join(", ", factories.keySet()));
        }
        FactoryArguments args = new FactoryArguments(s.name(), s.arguments());
        T result = create.apply(f, args);
        args.requireAllUsed();
        return result;
    }
}
