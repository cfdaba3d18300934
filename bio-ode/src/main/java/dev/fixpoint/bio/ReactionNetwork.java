package dev.fixpoint.bio;

import dev.fixpoint.bio.expr.Expression;
import dev.fixpoint.bio.expr.ExpressionParser;
import dev.fixpoint.core.FixpointException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reaction-network model: compartments (constant sizes), species (concentrations) with initial
 * values or initial assignments, parameters with their allowed domain, reactions with rate laws
 * (mass action, Michaelis–Menten, Hill or any expression, in amount per time as in SBML), assignment
 * rules (named expressions, e.g. piecewise inputs of {@code time}), time events (state assignments
 * at known times) and observables. The ODE is dx_i/dt = Σ_r S_ir v_r / V(i). Immutable; build with
 * {@link #builder} and {@link #compile()} it for simulation.
 */
public final class ReactionNetwork {

    /** A compartment. @param name symbol @param size volume (constant, &gt; 0) */
    public record Compartment(String name, double size) {
    }

    /** A species. @param name symbol @param compartment its compartment @param initial initial concentration (expression of parameters) */
    public record Species(String name, String compartment, Expression initial) {
    }

    /**
     * A parameter with its allowed domain.
     *
     * @param name  symbol
     * @param value nominal value
     * @param lower smallest allowed value
     * @param upper largest allowed value
     */
    public record Parameter(String name, double value, double lower, double upper) {
    }

    /** One side of a reaction. @param species species name @param coefficient stoichiometric coefficient (&gt; 0) */
    public record Term(String species, double coefficient) {
    }

    /**
     * A reaction. @param id name @param reactants consumed species @param products produced species
     * @param rate rate law in amount per time
     */
    public record Reaction(String id, List<Term> reactants, List<Term> products, Expression rate) {
    }

    /** A named expression substituted wherever the name is used. @param name symbol @param expression its definition */
    public record AssignmentRule(String name, Expression expression) {
    }

    /**
     * At {@code time}, species {@code target} is set to {@code value} (evaluated with the state just before).
     *
     * @param time   event time
     * @param target species name
     * @param value  new value, expression of species and parameters
     */
    public record TimeEvent(double time, String target, Expression value) {
    }

    /** A measured quantity. @param name symbol @param expression function of species and parameters */
    public record Observable(String name, Expression expression) {
    }

    final String name;
    final List<Compartment> compartments;
    final List<Species> species;
    final List<Parameter> parameters;
    final List<Reaction> reactions;
    final List<AssignmentRule> rules;
    final List<TimeEvent> events;
    final List<Observable> observables;

    private ReactionNetwork(Builder b) {
        name = b.name;
        compartments = List.copyOf(b.compartments.values());
        species = List.copyOf(b.species.values());
        parameters = List.copyOf(b.parameters.values());
        reactions = List.copyOf(b.reactions);
        rules = List.copyOf(b.rules);
        events = List.copyOf(b.events);
        observables = List.copyOf(b.observables);
    }

    /** @param name the model name @return an empty builder with a compartment {@code "default"} of size 1 */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the model name */
    public String name() {
        return name;
    }

    /** @return species in declaration order (state order) */
    public List<Species> species() {
        return species;
    }

    /** @return parameters in declaration order (gradient order) */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** @return reactions in declaration order */
    public List<Reaction> reactions() {
        return reactions;
    }

    /** @return observables in declaration order */
    public List<Observable> observables() {
        return observables;
    }

    /** @return the compiled model: right-hand side, sparse Jacobians, events and observables */
    public CompiledNetwork compile() {
        return new CompiledNetwork(this);
    }

    /** Builds a {@link ReactionNetwork}; names must be unique across all kinds of symbols. */
    public static final class Builder {
        private final String name;
        private final Map<String, Compartment> compartments = new LinkedHashMap<>();
        private final Map<String, Species> species = new LinkedHashMap<>();
        private final Map<String, Parameter> parameters = new LinkedHashMap<>();
        private final List<Reaction> reactions = new ArrayList<>();
        private final List<AssignmentRule> rules = new ArrayList<>();
        private final List<TimeEvent> events = new ArrayList<>();
        private final List<Observable> observables = new ArrayList<>();
        private final java.util.Set<String> names = new java.util.HashSet<>(List.of("time"));

        private Builder(String name) {
            this.name = name;
            compartment("default", 1.0);
        }

        private void claim(String symbol) {
            if (symbol == null || !symbol.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new FixpointException("ModelDefinition", "model '" + name + "': invalid name '" + symbol
                        + "' (letters, digits and _, not starting with a digit)");
            }
            if (!names.add(symbol)) {
                throw new FixpointException("ModelDefinition", "model '" + name + "': name '" + symbol + "' is already used"
                        + (symbol.equals("time") ? " (reserved for the time)" : ""));
            }
        }

        /** Adds a compartment. @param id name @param size volume &gt; 0 @return this */
        public Builder compartment(String id, double size) {
            if (!(size > 0) || !Double.isFinite(size)) {
                throw new FixpointException("ModelDefinition", "compartment '" + id + "': size must be finite and > 0, got " + size);
            }
            claim(id);
            compartments.put(id, new Compartment(id, size));
            return this;
        }

        /** Adds a species in the default compartment. @param id name @param initial initial concentration @return this */
        public Builder species(String id, double initial) {
            return species(id, "default", Double.toString(initial));
        }

        /**
         * Adds a species.
         *
         * @param id          name
         * @param compartment compartment name (declared before)
         * @param initial     initial concentration: a number or an initial assignment (expression of parameters)
         * @return this
         */
        public Builder species(String id, String compartment, String initial) {
            if (!compartments.containsKey(compartment)) {
                throw new FixpointException("UnknownCompartment", "species '" + id + "': unknown compartment '" + compartment
                        + "'; known: " + compartments.keySet());
            }
            claim(id);
            species.put(id, new Species(id, compartment, ExpressionParser.parse(initial)));
            return this;
        }

        /** Adds a parameter with domain [0, +∞). @param id name @param value nominal value @return this */
        public Builder parameter(String id, double value) {
            return parameter(id, value, 0, Double.POSITIVE_INFINITY);
        }

        /**
         * Adds a parameter.
         *
         * @param id    name
         * @param value nominal value, inside [lower, upper]
         * @param lower smallest allowed value
         * @param upper largest allowed value
         * @return this
         */
        public Builder parameter(String id, double value, double lower, double upper) {
            if (!(lower <= upper)) {
                throw new FixpointException("ModelDefinition", "parameter '" + id + "': empty domain [" + lower + ", " + upper + "]");
            }
            CompiledNetwork.checkDomain(id, value, lower, upper);
            claim(id);
            parameters.put(id, new Parameter(id, value, lower, upper));
            return this;
        }

        /**
         * Adds a reaction with an arbitrary rate law.
         *
         * @param id       name
         * @param equation e.g. {@code "2 A + B -> C"}, {@code "-> A"} (source), {@code "A ->"} (sink)
         * @param rate     rate law in amount per time, e.g. {@code "default*k*A*B"}
         * @return this
         */
        public Builder reaction(String id, String equation, String rate) {
            return add(id, equation, ExpressionParser.parse(rate));
        }

        /**
         * Adds a mass-action reaction: v = V·k·Π x_j^ν_j over the reactants (V = size of the first
         * reactant's compartment, or of the first product's for a source).
         *
         * @param id       name
         * @param equation reaction equation
         * @param k        rate constant (expression, usually a parameter name)
         * @return this
         */
        public Builder massAction(String id, String equation, String k) {
            List<Term>[] sides = parseEquation(id, equation);
            Expression rate = Expression.mul(volume(sides), ExpressionParser.parse(k));
            for (Term t : sides[0]) {
                rate = Expression.mul(rate, Expression.pow(Expression.sym(t.species()), Expression.num(t.coefficient())));
            }
            reactions.add(new Reaction(id, sides[0], sides[1], rate));
            return this;
        }

        /**
         * Adds a Michaelis–Menten reaction v = V·Vmax·S/(Km + S) with S the first reactant.
         *
         * @param id       name
         * @param equation reaction equation with at least one reactant
         * @param vmax     maximal rate (expression)
         * @param km       Michaelis constant (expression)
         * @return this
         */
        public Builder michaelisMenten(String id, String equation, String vmax, String km) {
            List<Term>[] sides = parseEquation(id, equation);
            if (sides[0].isEmpty()) {
                throw new FixpointException("ModelDefinition", "reaction '" + id + "': Michaelis–Menten needs a substrate");
            }
            Expression s = Expression.sym(sides[0].get(0).species());
            Expression rate = Expression.mul(Expression.mul(volume(sides), ExpressionParser.parse(vmax)),
                    Expression.div(s, Expression.add(ExpressionParser.parse(km), s)));
            reactions.add(new Reaction(id, sides[0], sides[1], rate));
            return this;
        }

        /**
         * Adds a reaction with a Hill activation law v = V·Vmax·A^n/(K^n + A^n).
         *
         * @param id        name
         * @param equation  reaction equation
         * @param vmax      maximal rate (expression)
         * @param k         half-activation constant (expression)
         * @param n         Hill coefficient (expression)
         * @param activator the activating species
         * @return this
         */
        public Builder hill(String id, String equation, String vmax, String k, String n, String activator) {
            List<Term>[] sides = parseEquation(id, equation);
            requireSpecies(id, activator);
            Expression an = Expression.pow(Expression.sym(activator), ExpressionParser.parse(n));
            Expression kn = Expression.pow(ExpressionParser.parse(k), ExpressionParser.parse(n));
            Expression rate = Expression.mul(Expression.mul(volume(sides), ExpressionParser.parse(vmax)),
                    Expression.div(an, Expression.add(kn, an)));
            reactions.add(new Reaction(id, sides[0], sides[1], rate));
            return this;
        }

        /**
         * Adds an assignment rule: {@code name} stands for {@code expression} wherever it is used
         * (e.g. an input {@code "piecewise(1, time >= 5, 0)"}).
         *
         * @param id         name
         * @param expression definition (may use species, parameters, earlier rules and time)
         * @return this
         */
        public Builder assignmentRule(String id, String expression) {
            claim(id);
            rules.add(new AssignmentRule(id, ExpressionParser.parse(expression)));
            return this;
        }

        /**
         * Adds a time event: at {@code time} the species is set to the value of the expression,
         * evaluated with the state just before (events at equal times apply simultaneously).
         *
         * @param time       event time
         * @param target     species name
         * @param expression new value (species, parameters)
         * @return this
         */
        public Builder event(double time, String target, String expression) {
            requireSpecies("event at t=" + time, target);
            if (!Double.isFinite(time)) {
                throw new FixpointException("ModelDefinition", "event on '" + target + "': time must be finite, got " + time);
            }
            events.add(new TimeEvent(time, target, ExpressionParser.parse(expression)));
            return this;
        }

        /** Adds an observable. @param id name @param expression function of species and parameters @return this */
        public Builder observable(String id, String expression) {
            claim(id);
            observables.add(new Observable(id, ExpressionParser.parse(expression)));
            return this;
        }

        /** @return the model; symbols are resolved when it is compiled */
        public ReactionNetwork build() {
            if (species.isEmpty()) {
                throw new FixpointException("ModelDefinition", "model '" + name + "' has no species");
            }
            return new ReactionNetwork(this);
        }

        private Builder add(String id, String equation, Expression rate) {
            List<Term>[] sides = parseEquation(id, equation);
            reactions.add(new Reaction(id, sides[0], sides[1], rate));
            return this;
        }

        private Expression volume(List<Term>[] sides) {
            List<Term> side = sides[0].isEmpty() ? sides[1] : sides[0];
            return side.isEmpty() ? Expression.ONE : Expression.sym(species.get(side.get(0).species()).compartment());
        }

        private void requireSpecies(String where, String s) {
            if (!species.containsKey(s)) {
                throw new FixpointException("UnknownSpecies", where + ": unknown species '" + s + "'; known: " + species.keySet());
            }
        }

        @SuppressWarnings("unchecked")
        private List<Term>[] parseEquation(String id, String equation) {
            int arrow = equation.indexOf("->");
            if (arrow < 0) {
                throw new FixpointException("ModelDefinition", "reaction '" + id + "': equation '" + equation
                        + "' has no '->'");
            }
            return new List[]{side(id, equation.substring(0, arrow)), side(id, equation.substring(arrow + 2))};
        }

        private List<Term> side(String id, String text) {
            List<Term> out = new ArrayList<>();
            if (text.isBlank()) {
                return out;
            }
            for (String part : text.split("\\+")) {
                String[] tok = part.trim().split("\\s+");
                double coeff = 1;
                String s = tok[tok.length - 1];
                if (tok.length == 2) {
                    coeff = Double.parseDouble(tok[0]);
                } else if (tok.length != 1 || s.isEmpty()) {
                    throw new FixpointException("ModelDefinition", "reaction '" + id + "': cannot read term '" + part.trim() + "'");
                }
                requireSpecies("reaction '" + id + "'", s);
                out.add(new Term(s, coeff));
            }
            return out;
        }
    }
}
