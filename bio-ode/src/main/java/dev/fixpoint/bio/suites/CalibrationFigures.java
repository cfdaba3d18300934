package dev.fixpoint.bio.suites;

import dev.fixpoint.bio.petab.PetabObjective;
import dev.fixpoint.bio.petab.PetabProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Figures and tables of a PEtab calibration: waterfall, data against simulation, parameter table, profiles. */
final class CalibrationFigures {

    private CalibrationFigures() {
    }

    /**
     * Waterfall plot: the final objective of every start, sorted, minus the best plus 1 (log axis), so that starts at
     * the optimum sit on 1 and failed starts (NaN) are left out.
     */
    static void waterfall(String title, double[] sortedObjectives, OutputStream out) throws IOException {
        double best = sortedObjectives.length == 0 ? Double.NaN : sortedObjectives[0];
        double[] y = new double[sortedObjectives.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = sortedObjectives[i] - best + 1;
        }
        Plots.line(title, "start (sorted by final objective)", "objective − best + 1").logY().series("starts", y)
                .writePng(out);
    }

    /**
     * One chart per observable, each condition a pair of series: the measurements (markers) and the simulation at the
     * measurement times (line), on the observable's linear scale.
     */
    static void dataVersusSimulation(PetabProblem problem, PetabObjective.Predictions pr, String label, OutputStream out)
            throws IOException {
        Map<String, Map<String, TreeMap<Double, double[]>>> byObs = new LinkedHashMap<>();
        List<PetabProblem.Measurement> ms = problem.measurements();
        Map<String, Map<String, List<double[]>>> data = new LinkedHashMap<>();
        for (int i = 0; i < ms.size(); i++) {
            PetabProblem.Measurement m = ms.get(i);
            String cond = m.preequilibration().isEmpty() ? m.condition() : m.preequilibration() + "→" + m.condition();
            byObs.computeIfAbsent(m.observableId(), k -> new LinkedHashMap<>()).computeIfAbsent(cond, k -> new TreeMap<>())
                    .put(m.time(), new double[]{pr.simulated()[i]});
            data.computeIfAbsent(m.observableId(), k -> new LinkedHashMap<>()).computeIfAbsent(cond, k -> new ArrayList<>())
                    .add(new double[]{m.time(), m.value()});
        }
        List<Plots> charts = new ArrayList<>();
        for (Map.Entry<String, Map<String, TreeMap<Double, double[]>>> o : byObs.entrySet()) {
            Plots p = Plots.small(o.getKey() + " (" + label + ")", "time", o.getKey(), 600, 400);
            for (Map.Entry<String, TreeMap<Double, double[]>> c : o.getValue().entrySet()) {
                double[] t = c.getValue().keySet().stream().mapToDouble(Double::doubleValue).toArray();
                double[] y = c.getValue().values().stream().mapToDouble(v -> v[0]).toArray();
                List<double[]> d = data.get(o.getKey()).get(c.getKey());
                p.scatter("data " + c.getKey(), d.stream().mapToDouble(v -> v[0]).toArray(),
                        d.stream().mapToDouble(v -> v[1]).toArray());
                p.series("model " + c.getKey(), t, y);
            }
            charts.add(p);
        }
        Plots.writeGrid(charts, Math.min(3, charts.size()), out);
    }

    /**
     * The parameter table as TSV: id, scale, estimate on its scale and linear, lower and upper bounds (linear),
     * nominal (linear), whether it sits within 1e-6 (on the scale) of a bound.
     */
    static void parameterTable(PetabProblem problem, List<String> ids, double[] theta, OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder("parameterId\tscale\testimate_scaled\testimate\tlowerBound\tupperBound\tnominalValue\tatBound\n");
        for (int i = 0; i < ids.size(); i++) {
            PetabProblem.Parameter p = problem.parameters().get(ids.get(i));
            double lo = p.scale().toScale(p.lower());
            double hi = p.scale().toScale(p.upper());
            boolean atBound = Math.abs(theta[i] - lo) < 1e-6 || Math.abs(theta[i] - hi) < 1e-6;
            sb.append(p.id()).append('\t').append(p.scale().name().toLowerCase()).append('\t').append(theta[i]).append('\t')
                    .append(p.scale().fromScale(theta[i])).append('\t').append(p.lower()).append('\t').append(p.upper())
                    .append('\t').append(p.nominal()).append('\t').append(atBound).append('\n');
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
