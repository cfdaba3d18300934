package dev.fixpoint.imaging.io;

import dev.fixpoint.core.Tensor;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * 8-bit greyscale PNG output of real images {@code [h, w]} (row 0 at the top) through a display
 * {@link Window}, and mosaics of equally sized tiles. Writes are atomic.
 */
public final class Png {
    private static final int GAP = 2;

    private Png() {
    }

    /**
     * @param image  a real image {@code [h, w]} (not modified)
     * @param window the display window
     */
    public static void write(Path file, Tensor image, Window window) {
        requireImage("Png.write", image);
        write(file, render(List.of(image), List.of(window), 1));
    }

    /**
     * Writes tiles row by row, {@code columns} per row, separated by a 2-pixel white gap.
     *
     * @param tiles   images {@code [h, w]} of one shape (not modified)
     * @param windows one window per tile
     * @param columns tiles per row, ≥ 1
     */
    public static void writeMosaic(Path file, List<Tensor> tiles, List<Window> windows, int columns) {
        if (tiles.isEmpty() || tiles.size() != windows.size() || columns < 1) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] Png.writeMosaic: need ≥ 1 tile, one window "
                    + "per tile and columns ≥ 1; got " + tiles.size() + " tiles, " + windows.size() + " windows, "
                    + columns + " columns");
        }
        for (Tensor t : tiles) {
            requireImage("Png.writeMosaic", t);
            if (!t.sameShape(tiles.get(0))) {
                throw new IllegalArgumentException("[fixpoint/InvalidShape] Png.writeMosaic: tiles must have one shape; got "
                        + Arrays.toString(t.shape()) + " and " + Arrays.toString(tiles.get(0).shape()));
            }
        }
        write(file, render(tiles, windows, columns));
    }

    private static BufferedImage render(List<Tensor> tiles, List<Window> windows, int columns) {
        int h = tiles.get(0).dim(0);
        int w = tiles.get(0).dim(1);
        int cols = Math.min(columns, tiles.size());
        int rows = (tiles.size() + cols - 1) / cols;
        int width = cols * w + (cols - 1) * GAP;
        int height = rows * h + (rows - 1) * GAP;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        var raster = img.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, 255);
            }
        }
        for (int t = 0; t < tiles.size(); t++) {
            Tensor tile = tiles.get(t);
            Window win = windows.get(t);
            int x0 = (t % cols) * (w + GAP);
            int y0 = (t / cols) * (h + GAP);
            double[] d = tile.data();
            int off = tile.offset();
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    raster.setSample(x0 + j, y0 + i, 0, win.grey(d[off + i * w + j]));
                }
            }
        }
        return img;
    }

    private static void write(Path file, BufferedImage img) {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new java.io.IOException("no PNG writer available");
            }
        });
    }

    private static void requireImage(String what, Tensor image) {
        if (image.rank() != 2 || image.size() == 0) {
            throw new IllegalArgumentException("[fixpoint/InvalidShape] " + what + ": a real image [h, w] is needed, got shape "
                    + Arrays.toString(image.shape()) + " (for complex images write ComplexPairs.abs(z))");
        }
    }
}
