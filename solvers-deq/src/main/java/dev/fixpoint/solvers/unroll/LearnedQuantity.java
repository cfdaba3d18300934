package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Parameter;
import dev.fixpoint.autodiff.ParameterSet;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One quantity of an unrolled network across its layers: constants when fixed, one
 * {@link Parameter} when tied, one per layer when untied. Layers before {@code firstLayer} do not use
 * the quantity (FISTA's momentum starts at layer 1). Untied parameters are named
 * {@code "layer<k>.<name>"}, a tied one {@code "<name>"}.
 */
final class LearnedQuantity {
    /** Range a scalar value must stay in, checked at every forward pass. */
    enum Range {
        POSITIVE, NON_NEGATIVE, FINITE, UNCHECKED
    }

    private final String name;
    private final String symbol;
    private final Tying tying;
    private final Range range;
    private final int firstLayer;
    private final Tensor[] constants;
    private final Parameter[] parameters;

    /**
     * @param tying      null when fixed
     * @param initial    the classical value of each layer (called for layers ≥ firstLayer; values are
     *                   copied into parameters)
     * @param tiedInitial the initial value when tied
     */
    LearnedQuantity(String name, String symbol, Tying tying, Range range, int layers, int firstLayer,
                    IntFunction<Tensor> initial, Tensor tiedInitial) {
        this.name = name;
        this.symbol = symbol;
        this.tying = tying;
        this.range = range;
        this.firstLayer = firstLayer;
        this.constants = new Tensor[layers];
        this.parameters = new Parameter[layers];
        for (int k = firstLayer; k < layers; k++) {
            if (tying == null) {
                constants[k] = initial.apply(k);
                check(constants[k], k, "initial");
            } else if (tying == Tying.UNTIED) {
                parameters[k] = new Parameter("layer" + k + "." + name, initial.apply(k).copy());
                check(parameters[k].value(), k, "initial");
            } else {
                if (parameters[firstLayer] == null) {
                    parameters[firstLayer] = new Parameter(name, tiedInitial.copy());
                    check(parameters[firstLayer].value(), k, "initial");
                }
                parameters[k] = parameters[firstLayer];
            }
        }
    }

    /** @return a fixed quantity with one value for every layer */
    static LearnedQuantity constant(String name, String symbol, Range range, int layers, Tensor value) {
        return new LearnedQuantity(name, symbol, null, range, layers, 0, k -> value, value);
    }

    /** Adds this quantity's parameters to the per-layer sets (a tied one to layer 0). */
    void register(List<ParameterSet> perLayer) {
        if (tying == null) {
            return;
        }
        if (tying == Tying.TIED) {
            if (parameters.length > firstLayer) {
                perLayer.get(0).add(parameters[firstLayer]);
            }
            return;
        }
        for (int k = firstLayer; k < parameters.length; k++) {
            perLayer.get(k).add(parameters[k]);
        }
    }

    /** @return the value used by {@code layer}, as bound for this forward pass; checked against the range */
    Var at(int layer, ParameterBinding binding) {
        if (layer < firstLayer) {
            throw new IllegalStateException(name + " is not used by layer " + layer);
        }
        Var v = tying == null ? Var.constant(constants[layer]) : binding.apply(parameters[layer]);
        check(v.value(), layer, "current");
        return v;
    }

    private void check(Tensor t, int layer, String which) {
        if (range == Range.UNCHECKED) {
            return;
        }
        double x = t.data()[t.offset()];
        boolean ok = switch (range) {
            case POSITIVE -> x > 0 && x < Double.POSITIVE_INFINITY;
            case NON_NEGATIVE -> x >= 0 && x < Double.POSITIVE_INFINITY;
            case FINITE -> Double.isFinite(x);
            case UNCHECKED -> true;
        };
        if (!ok) {
            String accepted = switch (range) {
                case POSITIVE -> "finite and > 0";
                case NON_NEGATIVE -> "finite and ≥ 0";
                default -> "finite";
            };
            throw new FixpointException("InvalidParameter", "layer " + layer + ": the " + which + " " + name + " "
                    + symbol + " = " + x + " must be " + accepted
                    + ("current".equals(which) && tying != null ? " (training drove it out of range; lower the learning rate)" : ""));
        }
    }
}
