package dev.fixpoint.core.linalg;

import dev.fixpoint.core.internal.BackendSelfTest;
import dev.fixpoint.core.internal.Causes;
import dev.fixpoint.core.spi.BackendProvider;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovers {@link BackendProvider}s with {@link ServiceLoader}, decides which are available (their
 * {@code load()} returns and a numerical self-test passes) and selects one: the provider named by
 * the system property {@value #PROPERTY} or the environment variable {@value #ENVIRONMENT} if set,
 * else the available provider with the highest priority. The choice and the reason every other
 * provider was not chosen are logged at INFO and kept in the {@link BackendSelection}.
 *
 * <p>When a backend is requested by name, only that provider is loaded: native BLAS libraries
 * export the same symbols, and once the system OpenBLAS is loaded the dynamic linker can resolve
 * jblas' own BLAS calls to it, so "jblas" would silently run another library.
 *
 * <p>{@link #current()} is the process-wide backend used by {@link dev.fixpoint.core.Tensor}; it is
 * selected once, on first use. {@link #select(String, ClassLoader)} probes afresh without touching it.
 */
public final class Backends {
    /** System property naming the backend, e.g. {@code -Dfixpoint.backend=jblas}. */
    public static final String PROPERTY = "fixpoint.backend";
    /** Environment variable naming the backend when the property is not set. */
    public static final String ENVIRONMENT = "FIXPOINT_BACKEND";

    private static final Logger LOG = LoggerFactory.getLogger(Backends.class);
    private static volatile BackendSelection current;

    private Backends() {
    }

    /** @return the process-wide selection, made on first call from the property / environment */
    public static BackendSelection selection() {
        BackendSelection s = current;
        if (s == null) {
            synchronized (Backends.class) {
                s = current;
                if (s == null) {
                    s = select(requestedName(), Backends.class.getClassLoader());
                    current = s;
                }
            }
        }
        return s;
    }

    /** @return the process-wide backend */
    public static LinearAlgebraBackend current() {
        return selection().backend();
    }

    /**
     * @return the backend name requested by {@value #PROPERTY} or {@value #ENVIRONMENT}, or null
     */
    public static String requestedName() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return p.trim().toLowerCase(Locale.ROOT);
        }
        String e = System.getenv(ENVIRONMENT);
        if (e != null && !e.isBlank()) {
            return e.trim().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    /**
     * Probes every provider visible to {@code loader} and selects one.
     *
     * @param requested provider name, or null for the highest-priority available one
     * @param loader    where to look for providers
     * @return the selection
     * @throws UnknownBackendException if {@code requested} is not a discovered provider (the message
     *         lists the available ones) or that provider is unavailable (the message says why)
     */
    public static BackendSelection select(String requested, ClassLoader loader) {
        List<BackendProvider> providers = discover(loader);
        providers.sort(Comparator.comparingInt(BackendProvider::priority).reversed()
                .thenComparing(BackendProvider::name));

        boolean known = requested == null || providers.stream().anyMatch(p -> p.name().equals(requested));
        Map<String, LinearAlgebraBackend> loaded = new LinkedHashMap<>();
        Map<String, String> failure = new LinkedHashMap<>();
        for (BackendProvider p : providers) {
            if (requested == null || !known || p.name().equals(requested)) {
                probe(p, loaded, failure);
            }
        }
        if (requested != null && !known) {
            throw new UnknownBackendException("no backend named '" + requested + "'; available: "
                    + String.join(", ", loaded.keySet()) + " (set -D" + PROPERTY + "= or "
                    + ENVIRONMENT + " to one of them, or leave both unset)");
        }
        if (requested != null && !loaded.containsKey(requested)) {
            for (BackendProvider p : providers) { // to list the alternatives
                if (!p.name().equals(requested)) {
                    probe(p, loaded, failure);
                }
            }
            throw new UnknownBackendException("backend '" + requested + "' is not available: "
                    + failure.get(requested) + "; available: " + String.join(", ", loaded.keySet()));
        }
        if (loaded.isEmpty()) {
            throw new UnknownBackendException("no linear-algebra backend is available: " + failure);
        }
        String chosen = requested != null ? requested : loaded.keySet().iterator().next(); // priority order

        List<ProviderStatus> statuses = new ArrayList<>();
        for (BackendProvider p : providers) {
            boolean probed = loaded.containsKey(p.name()) || failure.containsKey(p.name());
            boolean ok = loaded.containsKey(p.name());
            boolean isChosen = p.name().equals(chosen);
            String reason;
            if (isChosen) {
                reason = requested != null ? "requested by name" : "highest priority among available providers";
            } else if (!probed) {
                reason = "not loaded: '" + chosen + "' was requested by name";
            } else if (!ok) {
                reason = "unavailable: " + failure.get(p.name());
            } else {
                reason = "available, lower priority than '" + chosen + "'";
            }
            statuses.add(new ProviderStatus(p.name(), p.priority(), p.description(), probed, ok, isChosen, reason));
        }
        BackendSelection selection = new BackendSelection(loaded.get(chosen), statuses, loaded);
        for (ProviderStatus s : statuses) {
            if (s.chosen()) {
                LOG.info("linear-algebra backend: {} (priority {}): {}", s.name(), s.priority(), s.reason());
            } else {
                LOG.info("backend {} (priority {}) not chosen: {}", s.name(), s.priority(), s.reason());
            }
        }
        return selection;
    }

    private static void probe(BackendProvider p, Map<String, LinearAlgebraBackend> loaded, Map<String, String> failure) {
        try {
            LinearAlgebraBackend b = p.load();
            BackendSelfTest.check(b);
            loaded.put(p.name(), b);
        } catch (Throwable t) { // natives failing to load throw Errors; report them, don't die
            failure.put(p.name(), Causes.describe(t));
        }
    }

    private static List<BackendProvider> discover(ClassLoader loader) {
        List<BackendProvider> out = new ArrayList<>();
        Iterator<BackendProvider> it = ServiceLoader.load(BackendProvider.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                BackendProvider p = it.next();
                if (out.stream().noneMatch(q -> q.name().equals(p.name()))) {
                    out.add(p);
                } else {
                    LOG.warn("ignoring a second backend provider named '{}' ({})", p.name(), p.getClass().getName());
                }
            } catch (ServiceConfigurationError e) {
                LOG.warn("a backend provider could not be instantiated: {}", Causes.describe(e));
            }
        }
        return out;
    }
}
