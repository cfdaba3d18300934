package dev.fixpoint.solvers.unroll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.autodiff.testing.GradientCheck;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.sparse.SparseRecoveryProblem;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every network of the family passes the finite-difference gradient check (reverse mode, forward
 * mode, dot-product and Taylor tests) with respect to all of its parameters and the input y, on a
 * small instance: A [5, 10], B = 3 samples, 3 layers, all layer outputs checked. The points
 * (parameters perturbed from their initialisation, y standard normal) are random; {@link #margins} asserts that no pre-activation is within 1e-2 of a threshold kink or a
 * support-selection tie, so the finite-difference steps (≈ 1e-3) never cross one.
 */
class ListaGradientCheckTest {
    private static final Tensor A = new SparseRecoveryProblem(5, 10, 0.5, Double.POSITIVE_INFINITY, 3).matrix();

    /** f(params…, y) = all layer outputs stacked, with the parameters replaced by the inputs. */
    static Function<Var[], Var> asFunction(ListaNetwork net, int layers) {
        List<Parameter> ps = net.parameters().list();
        return v -> {
            Map<Parameter, Var> bound = new IdentityHashMap<>();
            for (int i = 0; i < ps.size(); i++) {
                bound.put(ps.get(i), v[i]);
            }
            List<Var> out = net.run(bound::get, v[ps.size()], layers);
            return Ops.concat(0, out.toArray(new Var[0]));
        };
    }

    static Tensor[] point(ListaNetwork net, Tensor y) {
        List<Parameter> ps = net.parameters().list();
        Tensor[] x = new Tensor[ps.size() + 1];
        for (int i = 0; i < ps.size(); i++) {
            x[i] = ps.get(i).value().copy();
        }
        x[ps.size()] = y;
        return x;
    }

    /** Perturbs every parameter so that the check is not at the (structured) initialisation. */
    static void perturb(ListaNetwork net, long seed, double scale) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (Parameter p : net.parameters()) {
            Tensor v = p.value();
            for (int i = 0; i < v.size(); i++) {
                v.data()[i] += scale * Math.abs(v.data()[i]) * rng.nextGaussian() + (v.size() == 1 ? 0 : 0.01 * rng.nextGaussian());
            }
        }
    }

    /** Margin required between every pre-activation and its kink or tie: 10× the finite-difference step. */
    private static final double MARGIN = 1e-2;

    /**
     * Builds the network with {@code factory}, perturbs it with successive seeds and places its
     * thresholds ({@link ListaReference#run}) until the point is at least {@link #MARGIN} away from
     * every kink and tie; checks that the forward pass equals the reference recursion there; then
     * runs the full gradient check.
     */
    private static void check(String name, java.util.function.Supplier<ListaNetwork> factory) {
        for (long seed = 1; seed <= 200; seed++) {
            ListaNetwork net = factory.get();
            perturb(net, seed, 0.1);
            Tensor y = Tensor.randn(new SplittableRandom(1000 + seed), 5, 3);
            ListaReference.Trace trace = ListaReference.run(net, y, true);
            if (trace.margin() < MARGIN) {
                continue;
            }
            List<Var> out = net.forward(null, Var.constant(y));
            for (int k = 0; k < out.size(); k++) {
                double diff = out.get(k).value().sub(trace.out().get(k)).normInf();
                org.junit.jupiter.api.Assertions.assertTrue(diff <= 1e-13 * (1 + trace.out().get(k).normInf()),
                        name + ": layer " + (k + 1) + " differs from the reference recursion by " + diff);
            }
            GradientCheck.assertGradients(name + " (perturbation seed " + seed + ")", asFunction(net, net.depth()), point(net, y));
            return;
        }
        throw new AssertionError(name + ": no point with margin " + MARGIN + " among 200 seeds");
    }

    @Test
    void lista() {
        check("lista untied", () -> new Lista(A, 3, 0.3, Tying.UNTIED));
        check("lista tied", () -> new Lista(A, 3, 0.3, Tying.TIED));
    }

    @Test
    void listaCp() {
        check("lista-cp", () -> new ListaCp(A, 3, 0.3, Tying.UNTIED));
        check("lista-cp tied, step 0.2", () -> new ListaCp(A, 3, 0.3, Tying.TIED, 0.2));
    }

    @Test
    void listaCpss() {
        check("lista-cpss", () -> new ListaCpss(A, 3, 0.3, Tying.UNTIED, Double.NaN, 10, 30));
    }

    @Test
    void alista() {
        check("alista", () -> {
            Alista net = new Alista(A, null, 3, 0.3, 10, 30);
            for (Parameter p : net.parameters()) {
                if (p.name().startsWith("gamma")) {
                    p.value().fill(0.3); // a contracting step on this small A
                }
            }
            return net;
        });
    }

    @Test
    void groupLista() {
        check("group-lista", () -> new GroupLista(A, 2, 3, 0.3, Tying.UNTIED));
    }

    @Test
    void untrainedNetworksHaveTheDocumentedParameters() {
        assertEquals(List.of("We", "theta.0", "S.1", "theta.1", "S.2", "theta.2"),
                new Lista(A, 3, 0.1, Tying.UNTIED).parameters().list().stream().map(Parameter::name).toList());
        assertEquals(List.of("We", "theta.0", "S", "theta.1", "theta.2"),
                new Lista(A, 3, 0.1, Tying.TIED).parameters().list().stream().map(Parameter::name).toList());
        assertEquals(List.of("gamma.0", "theta.0", "gamma.1", "theta.1"),
                new Alista(A, 2, 0.1).parameters().list().stream().map(Parameter::name).toList());
        ListaCp tied = new ListaCp(A, 3, 0.1, Tying.TIED);
        assertEquals(2, tied.layerParameters(0).count());
        assertEquals(1, tied.layerParameters(2).count());
    }
}
