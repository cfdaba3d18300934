package dev.fixpoint.operators.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.core.bootstrap.Fixpoint;
import dev.fixpoint.operators.LinearOperator;
import dev.fixpoint.operators.ProximalFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registries as a suite or configuration reaches them: through the bootstrap's injector. */
class RegistryTest {
    private static ProximalRegistry prox;
    private static OperatorRegistry operators;

    @BeforeAll
    static void bootstrap() {
        Fixpoint fp = Fixpoint.builder().backend("java").strict(true).build();
        assertTrue(fp.plugins().stream().anyMatch(p -> p.id().equals("operators") && p.loaded()));
        prox = fp.injector().getInstance(ProximalRegistry.class);
        operators = fp.injector().getInstance(OperatorRegistry.class);
    }

    @Test
    void everyBoundProximalFunctionIsCreatedWithDefaultsOrRequiredArguments() {
        for (String name : prox.entries().keySet()) {
            String spec = switch (name) {
                case "elastic-net" -> "elastic-net(lambda1=0.1, lambda2=0.2)";
                case "box" -> "box(lo=-1, hi=2)";
                default -> name;
            };
            ProximalFunction f = prox.create(spec);
            Tensor v = name.equals("tv2d") || name.equals("nuclear") || name.equals("spectral-ball")
                    ? Tensor.randn(1, 6, 5) : Tensor.randn(1, 12);
            if (name.equals("log-barrier")) {
                v = v.abs().add(0.1);
            }
            Tensor p = f.prox(v, 0.5);
            assertTrue(p.isFinite() && p.sameShape(v), name + ": " + p);
        }
        assertTrue(prox.entries().size() >= 18, prox.entries().keySet().toString());
    }

    @Test
    void argumentsReachTheFunction() {
        ProximalFunction l1 = prox.create("l1(lambda=0.5)");
        Tensor p = l1.prox(Tensor.vector(2.0, -0.1), 1.0);
        assertArrayEquals(new double[]{1.5, 0.0}, p.toArray(), 1e-15);
        assertEquals(0.75, prox.create("huber(delta=1, lambda=0.5)").value(Tensor.vector(2.0)), 1e-15); // 0.5·(|2| − 1/2)
    }

    @Test
    void operatorsAreCreatedWithTheirShapes() {
        LinearOperator g = operators.create("gradient2d(shape=8x6)");
        assertArrayEquals(new int[]{8, 6}, g.domainShape());
        assertArrayEquals(new int[]{2, 8, 6}, g.rangeShape());
        assertArrayEquals(new int[]{16, 8, 2}, operators.create("dft2d(shape=16x8)").domainShape());
        LinearOperator w = operators.create("wavelet2d(shape=16x16, family=db2, levels=2)");
        Tensor x = Tensor.randn(3, 16, 16);
        assertEquals(x.norm(), w.apply(x).norm(), 1e-12 * x.norm());
        Tensor ones = Tensor.ones(6, 6);
        assertEquals(1.0, operators.create("blur2d(shape=6x6, size=3, boundary=periodic)").apply(ones).get(2, 2), 1e-15);
        assertArrayEquals(new int[]{9}, operators.create("finite-difference1d(n=10)").rangeShape());
    }

    @Test
    void badSpecificationsGiveClearErrors() {
        FixpointException e = assertThrows(FixpointException.class, () -> prox.create("l3"));
        assertEquals("UnknownProx", e.id());
        assertTrue(e.getMessage().contains("l1") && e.getMessage().contains("tv1d"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> prox.create("l1(lamda=0.1)"));
        assertTrue(e.getMessage().contains("lamda") && e.getMessage().contains("lambda"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> prox.create("l1(lambda=abc)"));
        assertTrue(e.getMessage().contains("lambda=abc") && e.getMessage().contains("real"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> prox.create("l1(lambda=-1)"));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> prox.create("tv2d(norm=euclid)"));
        assertTrue(e.getMessage().contains("euclid") && e.getMessage().contains("isotropic"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> operators.create("gradient2d(shape=8)"));
        assertTrue(e.getMessage().contains("2 dimensions"), e.getMessage());
        e = assertThrows(FixpointException.class, () -> operators.create("nope"));
        assertEquals("UnknownOperator", e.id());
        e = assertThrows(FixpointException.class, () -> RegistrySpec.parse("l1(lambda=1"));
        assertEquals("BadSpec", e.id());
    }
}
