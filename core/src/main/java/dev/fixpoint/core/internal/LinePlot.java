package dev.fixpoint.core.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A minimal line plot rendered with Java2D to PNG (headless), for the core self-check suite, which
 * must not pull a charting dependency into core. Series share the x axis; the y axis may be log10.
 */
final class LinePlot {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> ys = new ArrayList<>();

    LinePlot(String title, String xLabel, String yLabel, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    /** Adds a series plotted at x = 1, 2, …, len (non-positive values are skipped on a log axis). */
    LinePlot series(String name, double[] y) {
        names.add(name);
        ys.add(y.clone());
        return this;
    }

    void writePng(OutputStream out, int width, int height) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int left = 80;
            int right = width - 20;
            int top = 40;
            int bottom = height - 50;
            double xMax = 1;
            double yMin = Double.POSITIVE_INFINITY;
            double yMax = Double.NEGATIVE_INFINITY;
            for (double[] y : ys) {
                xMax = Math.max(xMax, y.length);
                for (double v : y) {
                    double t = transform(v);
                    if (Double.isFinite(t)) {
                        yMin = Math.min(yMin, t);
                        yMax = Math.max(yMax, t);
                    }
                }
            }
            if (!(yMax > yMin)) {
                yMin = Double.isFinite(yMin) ? yMin - 1 : 0;
                yMax = yMin + 2;
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, left, 25);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawRect(left, top, right - left, bottom - top);
            for (int i = 0; i <= 4; i++) {
                double yv = yMin + (yMax - yMin) * i / 4;
                int py = bottom - (int) Math.round((bottom - top) * (double) i / 4);
                g.setColor(new Color(0xdddddd));
                g.drawLine(left + 1, py, right - 1, py);
                g.setColor(Color.BLACK);
                String label = String.format(Locale.ROOT, "%.3g", logY ? Math.pow(10, yv) : yv);
                g.drawString(label, 8, py + 4);
                double xv = 1 + (xMax - 1) * i / 4;
                int px = left + (int) Math.round((right - left) * (double) i / 4);
                g.drawString(String.format(Locale.ROOT, "%.0f", xv), px - 8, bottom + 16);
            }
            g.drawString(xLabel, (left + right) / 2 - 30, height - 12);
            g.drawString(yLabel + (logY ? " (log10)" : ""), left + 6, top + 14);
            g.setStroke(new BasicStroke(2f));
            for (int s = 0; s < ys.size(); s++) {
                g.setColor(PALETTE[s % PALETTE.length]);
                double[] y = ys.get(s);
                int px0 = -1;
                int py0 = -1;
                for (int i = 0; i < y.length; i++) {
                    double t = transform(y[i]);
                    if (!Double.isFinite(t)) {
                        px0 = -1;
                        continue;
                    }
                    int px = left + (int) Math.round((right - left) * (xMax <= 1 ? 0 : i / (xMax - 1)));
                    int py = bottom - (int) Math.round((bottom - top) * (t - yMin) / (yMax - yMin));
                    if (px0 >= 0) {
                        g.drawLine(px0, py0, px, py);
                    }
                    px0 = px;
                    py0 = py;
                }
                g.fillRect(right - 190, top + 10 + 18 * s, 14, 4);
                g.drawString(names.get(s), right - 170, top + 16 + 18 * s);
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", out);
    }

    private double transform(double v) {
        return logY ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
    }
}
