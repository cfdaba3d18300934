package dev.fixpoint.operators.registry;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import dev.fixpoint.operators.LinearOperator;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Linear operators by name, for suites and configuration
 * ({@code operator=gradient2d(shape=64x64)}). Entries are Guice map bindings:
 * {@code OperatorRegistry.binder(binder()).addBinding("gradient2d").toInstance(…)}; the built-in
 * ones come with the {@code operators} plugin ({@link OperatorsModule}).
 */
public final class OperatorRegistry extends NamedRegistry<OperatorFactory> {

    /** @param factories the bound factories by name */
    @Inject
    public OperatorRegistry(Map<String, OperatorFactory> factories) {
        super(factories, "UnknownOperator", "linear operator");
    }

    /** @return the map binder through which modules add entries */
    public static MapBinder<String, OperatorFactory> binder(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, OperatorFactory.class);
    }

    /**
     * @param spec {@code name} or {@code name(key=value, ...)}
     * @return the operator
     * @throws dev.fixpoint.core.FixpointException {@code [fixpoint/UnknownOperator]} listing the
     *         known names, or {@code [fixpoint/BadParameter]} naming a bad or unknown argument
     */
    public LinearOperator create(String spec) {
        return create(spec, OperatorFactory::create);
    }
}
