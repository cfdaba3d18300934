package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The variables that stand for a network's parameters during one forward pass: watched on a tape
 * (training), constants (inference), or variables supplied by the caller (gradient checks, networks
 * composed into larger functions).
 */
final class ParameterBinding implements Function<Parameter, Var> {
    private final Map<Parameter, Var> vars = new IdentityHashMap<>();

    private ParameterBinding() {
    }

    /** @return every parameter bound through {@link dev.fixpoint.solvers.unroll.UnrolledNetwork#bind} */
    static ParameterBinding of(ParameterSet parameters, Tape tape) {
        ParameterBinding b = new ParameterBinding();
        for (Parameter p : parameters) {
            b.vars.put(p, UnrolledNetwork.bind(tape, p));
        }
        return b;
    }

    /**
     * @param values one variable per parameter, in the set's order and with the parameters' shapes
     * @throws ShapeMismatchException naming the parameter whose variable has another shape
     */
    static ParameterBinding of(String who, ParameterSet parameters, Var[] values) {
        List<Parameter> list = parameters.list();
        if (values == null || values.length != list.size()) {
            throw new FixpointException("InvalidInput", who + ": " + (values == null ? "no" : values.length)
                    + " parameter values given for " + list.size() + " parameters " + names(list));
        }
        ParameterBinding b = new ParameterBinding();
        for (int i = 0; i < values.length; i++) {
            Parameter p = list.get(i);
            if (!java.util.Arrays.equals(values[i].shape(), p.value().shape())) {
                throw new ShapeMismatchException(who + " value of parameter '" + p.name() + "'", values[i].shape(),
                        p.value().shape(), "each value must have its parameter's shape");
            }
            b.vars.put(p, values[i]);
        }
        return b;
    }

    private static List<String> names(List<Parameter> list) {
        return list.stream().map(Parameter::name).toList();
    }

    @Override
    public Var apply(Parameter p) {
        Var v = vars.get(p);
        if (v == null) {
            throw new IllegalStateException("parameter '" + p.name() + "' is not bound in this forward pass");
        }
        return v;
    }
}
