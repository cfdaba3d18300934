package dev.fixpoint.operators.registry;

import dev.fixpoint.operators.LinearOperator;

/** Creates a {@link LinearOperator} from named arguments; bound by name in {@link OperatorRegistry}. */
public interface OperatorFactory {
    /** @return one line: the operator, its shapes and its arguments with defaults */
    String description();

    /** @return the operator for these arguments (read them through {@code args}) */
    LinearOperator create(FactoryArguments args);
}
