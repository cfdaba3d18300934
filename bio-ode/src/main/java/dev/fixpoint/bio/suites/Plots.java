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
        this(title, xLabel, yLabel, 900, 560);
    }

    private Plots(String title, String xLabel, String yLabel, int width, int height) {
        System.setProperty("java.awt.headless", "true");
        chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
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

    /** @return an empty chart of the given size in pixels (for grids; {@link #line} makes 900 × 560) */
    static Plots small(String title, String xLabel, String yLabel, int width, int height) {
        return new Plots(title, xLabel, yLabel, width, height);
    }

    /**
     * Writes several charts as one PNG grid (row-major, {@code columns} per row) to {@code out} (not closed).
     *
     * @param charts  the charts, each rendered at its own size (the cell size is the largest)
     * @param columns charts per row (≥ 1)
     */
    static void writeGrid(List<Plots> charts, int columns, OutputStream out) throws IOException {
        if (charts.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("a grid needs at least one chart and one column, got " + charts.size()
                    + " charts and " + columns + " columns");
        }
        List<java.awt.image.BufferedImage> images = new ArrayList<>();
        int w = 0;
        int h = 0;
        for (Plots p : charts) {
            java.awt.image.BufferedImage im = BitmapEncoder.getBufferedImage(p.chart);
            images.add(im);
            w = Math.max(w, im.getWidth());
            h = Math.max(h, im.getHeight());
        }
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + cols - 1) / cols;
        java.awt.image.BufferedImage grid = new java.awt.image.BufferedImage(cols * w, rows * h,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(images.get(i), (i % cols) * w, (i / cols) * h, null);
        }
        g.dispose();
        javax.imageio.ImageIO.write(grid, "png", out);
    }

    /** Writes the chart as PNG to {@code out} (not closed). */
    void writePng(OutputStream out) throws IOException {
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
}
