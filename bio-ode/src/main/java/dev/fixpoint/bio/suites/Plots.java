package dev.fixpoint.bio.suites;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line and scatter plots of the suites, rendered headless to PNG with XChart. Build with
 * {@link #line}, add series, then {@link #writePng}. Not thread-safe.
 */
final class Plots {
    private final XYChart chart;
    private final List<String> names = new ArrayList<>();

    private Plots(String title, String xLabel, String yLabel) {
        System.setProperty("java.awt.headless", "true");
        chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setMarkerSize(6);
    }

    /** @return an empty chart with the given title and axis labels (units in the labels) */
    static Plots line(String title, String xLabel, String yLabel) {
        return new Plots(title, xLabel, yLabel);
    }

    /** Adds a line with markers; NaN points are left out. */
    Plots series(String name, double[] x, double[] y) {
        add(name, x, y).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return this;
    }

    /** Adds a line at x = 1, 2, …, y.length (layers or iterations). */
    Plots series(String name, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        return series(name, x, y);
    }

    /** Adds markers without a line. */
    Plots scatter(String name, double[] x, double[] y) {
        add(name, x, y).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return this;
    }

    /** Adds a line without markers (e.g. a theoretical curve). */
    Plots curve(String name, double[] x, double[] y) {
        XYSeries s = add(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        return this;
    }

    /** Puts the legend in the upper left corner (for curves rising to the right). */
    Plots legendNorthWest() {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        return this;
    }

    /** Uses a log10 x axis (all plotted values must then be positive). */
    Plots logX() {
        chart.getStyler().setXAxisLogarithmic(true);
        return this;
    }

    /** Uses a log10 y axis (all plotted values must then be positive). */
    Plots logY() {
        chart.getStyler().setYAxisLogarithmic(true);
        return this;
    }

    Plots yRange(double min, double max) {
        chart.getStyler().setYAxisMin(min);
        chart.getStyler().setYAxisMax(max);
        return this;
    }

    Plots xRange(double min, double max) {
        chart.getStyler().setXAxisMin(min);
        chart.getStyler().setXAxisMax(max);
        return this;
    }

    private XYSeries add(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + y.length + " y values");
        }
        if (names.contains(name)) {
            throw new IllegalArgumentException("series '" + name + "' added twice");
        }
        names.add(name);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        if (xs.isEmpty()) {
            xs.add(Double.NaN);
            ys.add(Double.NaN);
        }
        return chart.addSeries(name, xs, ys);
    }

    /** Writes the chart as PNG to {@code out} (not closed). */
    void writePng(OutputStream out) throws IOException {
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
}
