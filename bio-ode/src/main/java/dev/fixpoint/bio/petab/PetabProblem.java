package dev.fixpoint.bio.petab;

import dev.fixpoint.core.FixpointException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PEtab v1 problem: the SBML model file and the parameter, observable, condition and measurement
 * tables, validated. Bad files give {@code [fixpoint/BadPetab]} errors naming the file, line and column.
 * Immutable.
 */
public final class PetabProblem {

    /** Parameter scale. */
    public enum Scale {
        /** linear */ LIN, /** natural log */ LOG, /** log10 */ LOG10;

        /** @param v linear value @return the scaled value */
        public double toScale(double v) {
            return switch (this) {
                case LIN -> v;
                case LOG -> Math.log(v);
                case LOG10 -> Math.log10(v);
            };
        }

        /** @param s scaled value @return the linear value */
        public double fromScale(double s) {
            return switch (this) {
                case LIN -> s;
                case LOG -> Math.exp(s);
                case LOG10 -> Math.pow(10, s);
            };
        }
    }

    /** Noise distribution of an observable. */
    public enum Noise {
        /** Gaussian */ NORMAL, /** Laplace */ LAPLACE
    }

    /**
     * A row of the parameter table (values on the linear scale).
     *
     * @param id       parameter id
     * @param scale    estimation scale
     * @param lower    lower bound
     * @param upper    upper bound
     * @param nominal  nominal value
     * @param estimate whether it is estimated
     */
    public record Parameter(String id, Scale scale, double lower, double upper, double nominal, boolean estimate) {
    }

    /**
     * A row of the observable table.
     *
     * @param id             observable id
     * @param formula        observable formula (may use observableParameter{n}_{id})
     * @param noiseFormula   noise formula (may use noiseParameter{n}_{id})
     * @param transformation lin, log or log10 (scale on which the noise acts)
     * @param noise          noise distribution
     */
    public record Observable(String id, String formula, String noiseFormula, Scale transformation, Noise noise) {
    }

    /**
     * A row of the measurement table.
     *
     * @param observableId          observable id
     * @param preequilibration      pre-equilibration condition id, or "" for none
     * @param condition             simulation condition id
     * @param value                 measured value
     * @param time                  time (finite)
     * @param observableParameters  overrides for observableParameter1.. (numbers or parameter ids)
     * @param noiseParameters       overrides for noiseParameter1.. (numbers or parameter ids)
     */
    public record Measurement(String observableId, String preequilibration, String condition, double value, double time,
                              List<String> observableParameters, List<String> noiseParameters) {
    }

    private final Path model;
    private final Map<String, Parameter> parameters;
    private final Map<String, Observable> observables;
    private final Map<String, Map<String, String>> conditions;
    private final List<Measurement> measurements;
    private final Map<String, PetabPrior> priors;

    private PetabProblem(Path model, Map<String, Parameter> parameters, Map<String, Observable> observables,
                         Map<String, Map<String, String>> conditions, List<Measurement> measurements,
                         Map<String, PetabPrior> priors) {
        this.model = model;
        this.priors = priors;
        this.parameters = parameters;
        this.observables = observables;
        this.conditions = conditions;
        this.measurements = measurements;
    }

    /** @return the SBML file */
    public Path model() {
        return model;
    }

    /** @return parameter table rows by id, in table order */
    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /** @return observables by id */
    public Map<String, Observable> observables() {
        return observables;
    }

    /** @return condition id → (model id → value text: a number or a parameter id) */
    public Map<String, Map<String, String>> conditions() {
        return conditions;
    }

    /** @return the objective priors by parameter id (only parameters that have one), in table order */
    public Map<String, PetabPrior> priors() {
        return priors;
    }

    /** @return measurements in table order */
    public List<Measurement> measurements() {
        return measurements;
    }

    /**
     * Loads a problem from its YAML file (format_version 1, one problem with one file of each kind).
     *
     * @param yaml the problem file; the tables are resolved relative to its folder
     * @return the validated problem
     */
    public static PetabProblem load(Path yaml) {
        Map<String, List<String>> y = readYaml(yaml);
        Path dir = yaml.toAbsolutePath().getParent();
        Path model = dir.resolve(one(yaml, y, "sbml_files"));
        Map<String, Parameter> params = readParameters(dir.resolve(one(yaml, y, "parameter_file")));
        Map<String, PetabPrior> priors = readPriors(dir.resolve(one(yaml, y, "parameter_file")), params);
        Map<String, Observable> obs = readObservables(dir.resolve(one(yaml, y, "observable_files")));
        Map<String, Map<String, String>> cond = readConditions(dir.resolve(one(yaml, y, "condition_files")));
        List<Measurement> ms = readMeasurements(dir.resolve(one(yaml, y, "measurement_files")), obs, cond);
        return new PetabProblem(model, params, obs, cond, ms, priors);
    }

    private static String one(Path yaml, Map<String, List<String>> y, String key) {
        List<String> v = y.get(key);
        if (v == null || v.isEmpty()) {
            throw new FixpointException("BadPetab", yaml.getFileName() + ": missing '" + key + "'");
        }
        if (v.size() > 1) {
            throw new FixpointException("BadPetab", yaml.getFileName() + ": '" + key + "' lists " + v.size()
                    + " files; only one is supported");
        }
        return v.get(0);
    }

    /** Reads the subset of YAML that PEtab problem files use: scalars and lists of scalars, nested under problems. */
    static Map<String, List<String>> readYaml(Path yaml) {
        List<String> lines;
        try {
            lines = Files.readAllLines(yaml);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new FixpointException("BadPetab", yaml + ": cannot read: " + e.getMessage());
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        String key = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf(" #");
            String t = (line.startsWith("#") ? "" : hash >= 0 ? line.substring(0, hash) : line).strip();
            if (t.isEmpty() || t.equals("---")) {
                continue;
            }
            if (t.startsWith("- ")) {
                t = t.substring(2).strip();
                if (!t.contains(":")) {
                    if (key == null) {
                        throw new FixpointException("BadPetab", yaml.getFileName() + ": line " + (i + 1) + ": list item without a key");
                    }
                    out.computeIfAbsent(key, k -> new ArrayList<>()).add(unquote(t));
                    continue;
                }
            }
            int colon = t.indexOf(':');
            if (colon <= 0) {
                throw new FixpointException("BadPetab", yaml.getFileName() + ": line " + (i + 1) + ": expected 'key: value', got '" + t + "'");
            }
            key = t.substring(0, colon).strip();
            String value = t.substring(colon + 1).strip();
            if (!value.isEmpty()) {
                if (value.startsWith("[") && value.endsWith("]")) {
                    List<String> items = new ArrayList<>();
                    for (String s : value.substring(1, value.length() - 1).split(",")) {
                        if (!s.isBlank()) {
                            items.add(unquote(s.strip()));
                        }
                    }
                    out.put(key, items);
                } else {
                    out.put(key, new ArrayList<>(List.of(unquote(value))));
                }
            }
        }
        List<String> version = out.get("format_version");
        if (version == null || !(version.get(0).equals("1") || version.get(0).startsWith("1."))) {
            throw new FixpointException("BadPetab", yaml.getFileName() + ": format_version must be 1, got " + version);
        }
        return out;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static <E extends Enum<E>> E choice(Tsv t, int r, String column, Class<E> type, String dflt) {
        String v = t.get(r, column);
        if (v.isEmpty()) {
            v = dflt;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw t.error(r, column, "'" + v + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase());
        }
    }

    private static Map<String, Parameter> readParameters(Path p) {
        Tsv t = Tsv.read(p, Set.of("parameterId", "parameterScale", "lowerBound", "upperBound", "nominalValue", "estimate"));
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (int r = 0; r < t.rows.size(); r++) {
            String id = t.required(r, "parameterId");
            Scale s = choice(t, r, "parameterScale", Scale.class, "lin");
            String est = t.required(r, "estimate");
            if (!est.equals("0") && !est.equals("1")) {
                throw t.error(r, "estimate", "'" + est + "' must be 0 or 1");
            }
            double lo = t.number(r, "lowerBound");
            double hi = t.number(r, "upperBound");
            double nom = t.number(r, "nominalValue");
            if (!(lo <= hi)) {
                throw t.error(r, "upperBound", "bounds [" + lo + ", " + hi + "] are empty");
            }
            if (s != Scale.LIN && !(lo > 0)) {
                throw t.error(r, "lowerBound", s.name().toLowerCase() + "-scaled parameter needs lowerBound > 0, got " + lo);
            }
            if (out.put(id, new Parameter(id, s, lo, hi, nom, est.equals("1"))) != null) {
                throw t.error(r, "parameterId", "duplicate id '" + id + "'");
            }
        }
        return out;
    }

    /**
     * Objective priors: columns objectivePriorType / objectivePriorParameters ("a;b"), or else priorType /
     * priorParameters. Empty type: no prior. The uniform kinds default to the parameter's bounds (on the prior's scale).
     */
    private static Map<String, PetabPrior> readPriors(Path p, Map<String, Parameter> params) {
        Tsv t = Tsv.read(p, Set.of("parameterId"));
        String typeColumn = t.has("objectivePriorType") ? "objectivePriorType" : "priorType";
        String parColumn = t.has("objectivePriorType") ? "objectivePriorParameters" : "priorParameters";
        Map<String, PetabPrior> out = new LinkedHashMap<>();
        for (int r = 0; r < t.rows.size(); r++) {
            String name = t.get(r, typeColumn);
            if (name.isEmpty()) {
                continue;
            }
            PetabPrior.Type type = PetabPrior.Type.of(name);
            if (type == null) {
                throw t.error(r, typeColumn, "'" + name + "' is not one of " + java.util.Arrays.stream(PetabPrior.Type.values())
                        .map(PetabPrior.Type::petabName).toList());
            }
            Parameter par = params.get(t.get(r, "parameterId"));
            String text = t.get(r, parColumn);
            double a;
            double b;
            if (text.isEmpty() && (type == PetabPrior.Type.UNIFORM || type == PetabPrior.Type.PARAMETER_SCALE_UNIFORM)) {
                boolean scaled = type == PetabPrior.Type.PARAMETER_SCALE_UNIFORM;
                a = scaled ? par.scale().toScale(par.lower()) : par.lower();
                b = scaled ? par.scale().toScale(par.upper()) : par.upper();
            } else {
                String[] parts = text.split(";", -1);
                if (parts.length != 2) {
                    throw t.error(r, parColumn, "'" + text + "' must be two numbers 'a;b' for a " + name + " prior");
                }
                try {
                    a = Double.parseDouble(parts[0].strip());
                    b = Double.parseDouble(parts[1].strip());
                } catch (NumberFormatException e) {
                    throw t.error(r, parColumn, "'" + text + "' must be two numbers 'a;b' for a " + name + " prior");
                }
            }
            try {
                out.put(par.id(), new PetabPrior(type, a, b));
            } catch (IllegalArgumentException e) {
                throw t.error(r, parColumn, e.getMessage());
            }
        }
        return out;
    }

    private static Map<String, Observable> readObservables(Path p) {
        Tsv t = Tsv.read(p, Set.of("observableId", "observableFormula", "noiseFormula"));
        Map<String, Observable> out = new LinkedHashMap<>();
        for (int r = 0; r < t.rows.size(); r++) {
            String id = t.required(r, "observableId");
            Observable o = new Observable(id, t.required(r, "observableFormula"), t.required(r, "noiseFormula"),
                    choice(t, r, "observableTransformation", Scale.class, "lin"), choice(t, r, "noiseDistribution", Noise.class, "normal"));
            if (out.put(id, o) != null) {
                throw t.error(r, "observableId", "duplicate id '" + id + "'");
            }
        }
        return out;
    }

    private static Map<String, Map<String, String>> readConditions(Path p) {
        Tsv t = Tsv.read(p, Set.of("conditionId"));
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (int r = 0; r < t.rows.size(); r++) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String c : t.header) {
                if (!c.equals("conditionId") && !c.equals("conditionName")) {
                    String v = t.get(r, c);
                    if (v.isEmpty()) {
                        throw t.error(r, c, "empty value (use NaN to keep the model's value)");
                    }
                    values.put(c, v);
                }
            }
            if (out.put(t.required(r, "conditionId"), values) != null) {
                throw t.error(r, "conditionId", "duplicate id");
            }
        }
        return out;
    }

    private static List<Measurement> readMeasurements(Path p, Map<String, Observable> obs, Map<String, Map<String, String>> cond) {
        Tsv t = Tsv.read(p, Set.of("observableId", "simulationConditionId", "measurement", "time"));
        List<Measurement> out = new ArrayList<>();
        for (int r = 0; r < t.rows.size(); r++) {
            String o = t.required(r, "observableId");
            if (!obs.containsKey(o)) {
                throw t.error(r, "observableId", "unknown observable '" + o + "'; known: " + obs.keySet());
            }
            String sim = t.required(r, "simulationConditionId");
            String pre = t.get(r, "preequilibrationConditionId");
            for (String[] c : new String[][]{{"simulationConditionId", sim}, {"preequilibrationConditionId", pre}}) {
                if (!c[1].isEmpty() && !cond.containsKey(c[1])) {
                    throw t.error(r, c[0], "unknown condition '" + c[1] + "'; known: " + cond.keySet());
                }
            }
            double time = t.number(r, "time");
            if (!Double.isFinite(time)) {
                throw t.error(r, "time", "steady-state (infinite) times are not supported, got " + time);
            }
            double value = t.number(r, "measurement");
            if (!Double.isFinite(value)) {
                throw t.error(r, "measurement", "must be finite, got " + value);
            }
            out.add(new Measurement(o, pre, sim, value, time, split(t.get(r, "observableParameters")),
                    split(t.get(r, "noiseParameters"))));
        }
        return out;
    }

    private static List<String> split(String s) {
        if (s.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(s.split(";")).map(String::strip).toList();
    }
}
