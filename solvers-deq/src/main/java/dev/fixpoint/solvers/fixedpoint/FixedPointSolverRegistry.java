package dev.fixpoint.solvers.fixedpoint;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.solvers.fixedpoint.spi.FixedPointSolverProvider;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fixed-point solvers bound in the Guice injector (a {@code MapBinder<String,
 * FixedPointSolverProvider>}, see {@link FixedPointModule#binder}); the built-ins come with the
 * {@code solvers} plugin.
 */
public final class FixedPointSolverRegistry {
    private final Map<String, FixedPointSolverProvider> providers;

    /** @param providers the bound providers by name */
    @Inject
    public FixedPointSolverRegistry(Map<String, FixedPointSolverProvider> providers) {
        this.providers = new TreeMap<>(providers);
    }

    /**
     * @return a new solver of that name
     * @throws FixpointException {@code [fixpoint/UnknownSolver]} listing the bound names
     */
    public FixedPointSolver create(String name, FixedPointSettings settings) {
        FixedPointSolverProvider p = providers.get(name);
        if (p == null) {
            throw new FixpointException("UnknownSolver", "no fixed-point solver named '" + name + "'; known: "
                    + providers.keySet());
        }
        return p.create(settings);
    }

    /** @return the bound names, sorted */
    public java.util.Set<String> names() {
        return providers.keySet();
    }
}
