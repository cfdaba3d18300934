package dev.fixpoint.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.internal.PureJavaBackend;
import dev.fixpoint.core.spi.BackendProvider;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backend selection: priority order, selection by name, unknown names, and the recorded reasons. */
class BackendsTest {
    private static final ClassLoader LOADER = BackendsTest.class.getClassLoader();

    @Test
    void defaultPicksTheHighestPriorityAvailableProvider() {
        BackendSelection sel = Backends.select(null, LOADER);
        ProviderStatus best = sel.statuses().stream().filter(ProviderStatus::available)
                .max(Comparator.comparingInt(ProviderStatus::priority)).orElseThrow();
        assertEquals(best.name(), sel.chosen().name());
        assertEquals(best.name(), sel.backend().name());
        assertTrue(sel.availableNames().contains("java"), "the pure-Java backend is always available");
        assertEquals(1, sel.statuses().stream().filter(ProviderStatus::chosen).count());
        for (ProviderStatus s : sel.statuses()) {
            assertFalse(s.reason().isBlank(), "every status says why: " + s);
        }
    }

    @Test
    void statusesAreOrderedByPriority() {
        List<ProviderStatus> st = Backends.select(null, LOADER).statuses();
        for (int i = 1; i < st.size(); i++) {
            assertTrue(st.get(i - 1).priority() >= st.get(i).priority(), st.toString());
        }
    }

    @Test
    void unknownNameThrowsListingTheAvailableBackends() {
        UnknownBackendException e = assertThrows(UnknownBackendException.class, () -> Backends.select("nope", LOADER));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        assertTrue(e.getMessage().contains("java"), "lists the available names: " + e.getMessage());
        assertEquals("UnknownBackend", e.id());
    }

    @Test
    void selectingByNameLoadsOnlyThatProviderAndSaysWhyTheOthersWereNot() {
        BackendSelection sel = Backends.select("java", LOADER);
        assertEquals("java", sel.backend().name());
        assertEquals("requested by name", sel.chosen().reason());
        assertTrue(sel.statuses().size() >= 2, "jblas and java are discovered: " + sel.statuses());
        for (ProviderStatus s : sel.statuses()) {
            if (!s.name().equals("java")) {
                assertFalse(s.chosen());
                assertFalse(s.probed(), "another native BLAS must not be loaded: " + s);
                assertEquals("not loaded: 'java' was requested by name", s.reason());
            }
        }
        assertEquals(java.util.List.of("java"), sel.availableNames());
    }

    @Test
    void unavailableAndBrokenProvidersAreReportedWithTheirCause(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(BackendProvider.class.getName()),
                MissingNativeProvider.class.getName() + "\n" + WrongResultsProvider.class.getName() + "\n",
                StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, LOADER)) {
            BackendSelection sel = Backends.select(null, loader);
            ProviderStatus missing = status(sel, "missing");
            assertFalse(missing.available());
            assertTrue(missing.reason().contains("libmissing.so.1"), missing.reason());
            ProviderStatus wrong = status(sel, "wrong");
            assertFalse(wrong.available());
            assertTrue(wrong.reason().contains("self-test"), wrong.reason());
            assertTrue(sel.chosen().priority() < 1000, "an unavailable provider is never chosen");

            UnknownBackendException e = assertThrows(UnknownBackendException.class,
                    () -> Backends.select("missing", loader));
            assertTrue(e.getMessage().contains("not available") && e.getMessage().contains("libmissing.so.1"),
                    e.getMessage());
        }
    }

    private static ProviderStatus status(BackendSelection sel, String name) {
        return sel.statuses().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** A provider whose natives are "missing"; highest priority, so it would win if available. */
    public static final class MissingNativeProvider implements BackendProvider {
        @Override
        public String name() {
            return "missing";
        }

        @Override
        public int priority() {
            return 1000;
        }

        @Override
        public String description() {
            return "test provider whose native library is absent";
        }

        @Override
        public LinearAlgebraBackend load() {
            throw new UnsatisfiedLinkError("libmissing.so.1: cannot open shared object file");
        }
    }

    /** A provider that loads but computes garbage: the self-test must reject it. */
    public static final class WrongResultsProvider implements BackendProvider {
        @Override
        public String name() {
            return "wrong";
        }

        @Override
        public int priority() {
            return 999;
        }

        @Override
        public String description() {
            return "test provider with a broken dot product";
        }

        @Override
        public LinearAlgebraBackend load() {
            return brokenDot();
        }

        private static LinearAlgebraBackend brokenDot() {
            PureJavaBackend good = new PureJavaBackend();
            return (LinearAlgebraBackend) java.lang.reflect.Proxy.newProxyInstance(
                    LinearAlgebraBackend.class.getClassLoader(), new Class<?>[]{LinearAlgebraBackend.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("dot")) {
                            return 42.0;
                        }
                        if (method.getName().equals("name")) {
                            return "wrong";
                        }
                        return method.invoke(good, args);
                    });
        }
    }
}
