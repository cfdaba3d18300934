package dev.fixpoint.operators.registry;

import dev.fixpoint.operators.ProximalFunction;

/** Creates a {@link ProximalFunction} from named arguments; bound by name in {@link ProximalRegistry}. */
public interface ProximalFactory {
    /** @return one line: the function, its formula and its arguments with defaults */
    String description();

    /** @return the function for these arguments (read them through {@code args}) */
    ProximalFunction create(FactoryArguments args);
}
