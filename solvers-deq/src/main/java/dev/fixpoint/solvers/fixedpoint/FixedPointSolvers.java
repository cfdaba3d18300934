package dev.fixpoint.solvers.fixedpoint;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.solvers.fixedpoint.spi.FixedPointSolverProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Fixed-point solvers by name: the built-ins {@code picard}, {@code anderson}, {@code broyden}, then
 * third-party {@link FixedPointSolverProvider}s found by {@link ServiceLoader} (a provider cannot
 * replace a built-in name). Inside the Guice injector use {@link FixedPointSolverRegistry}.
 */
public final class FixedPointSolvers {
    private static final Map<String, Function<FixedPointSettings, FixedPointSolver>> BUILT_IN = new LinkedHashMap<>();

    static {
        BUILT_IN.put(PicardIteration.NAME, PicardIteration::new);
        BUILT_IN.put(AndersonAcceleration.NAME, AndersonAcceleration::new);
        BUILT_IN.put(BroydenMethod.NAME, BroydenMethod::new);
    }

    private FixedPointSolvers() {
    }

    /**
     * @param name     a built-in or provided solver name
     * @param settings the solver's settings
     * @return a new solver
     * @throws FixpointException {@code [fixpoint/UnknownSolver]} listing the known names
     */
    public static FixedPointSolver create(String name, FixedPointSettings settings) {
        Function<FixedPointSettings, FixedPointSolver> builtIn = BUILT_IN.get(name);
        if (builtIn != null) {
            return builtIn.apply(settings);
        }
        for (FixedPointSolverProvider p : ServiceLoader.load(FixedPointSolverProvider.class)) {
            if (p.name().equals(name)) {
                return p.create(settings);
            }
        }
        throw new FixpointException("UnknownSolver", "no fixed-point solver named '" + name + "'; known: " + names());
    }

    /** @return the built-in names followed by those of the ServiceLoader providers, sorted */
    public static java.util.SortedSet<String> names() {
        TreeSet<String> names = new TreeSet<>(BUILT_IN.keySet());
        for (FixedPointSolverProvider p : ServiceLoader.load(FixedPointSolverProvider.class)) {
            names.add(p.name());
        }
        return names;
    }

    /** @return providers of the built-in solvers, for the Guice map ({@link FixedPointModule}) */
    static Map<String, FixedPointSolverProvider> builtInProviders() {
        Map<String, FixedPointSolverProvider> out = new LinkedHashMap<>();
        BUILT_IN.forEach((name, create) -> out.put(name, new FixedPointSolverProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public FixedPointSolver create(FixedPointSettings settings) {
                return create.apply(settings);
            }
        }));
        return out;
    }
}
