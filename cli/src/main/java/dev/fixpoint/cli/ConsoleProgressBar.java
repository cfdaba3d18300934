package dev.fixpoint.cli;

import dev.fixpoint.core.ProgressListener;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows progress on stderr. On a terminal it is one line redrawn in place with {@code '\r'} (at most
 * ten times a second); otherwise (a log file, CI) it prints a status line at most every few seconds,
 * so logs stay short. Nested tasks are shown as {@code outer > inner}; the bar follows the innermost
 * task that knows its total.
 *
 * <p>Thread-safe: suites may report from worker threads.
 */
final class ConsoleProgressBar implements ProgressListener {
    private static final int BAR_WIDTH = 24;
    private static final int MAX_LINE = 100;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final Deque<Task> tasks = new ArrayDeque<>();
    private long lastDraw = Long.MIN_VALUE;
    private int lastLength;

    /** One begun task. */
    private static final class Task {
        final String name;
        final long total;
        final long started;
        long done;
        String status = "";

        Task(String name, long total, long started) {
            this.name = name;
            this.total = total;
            this.started = started;
        }
    }

    /**
     * @param err      where to draw
     * @param terminal true to redraw one line in place, false for periodic status lines
     */
    ConsoleProgressBar(PrintWriter err, boolean terminal) {
        this(err, terminal, System::nanoTime, terminal ? TimeUnit.MILLISECONDS.toNanos(100) : TimeUnit.SECONDS.toNanos(5));
    }

    /**
     * @param nanoClock     the time source (tests pass a fake one)
     * @param intervalNanos the minimum time between two draws
     */
    ConsoleProgressBar(PrintWriter err, boolean terminal, LongSupplier nanoClock, long intervalNanos) {
        this.err = err;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.intervalNanos = intervalNanos;
    }

    @Override
    public synchronized void begin(String task, long totalUnits) {
        long now = nanoClock.getAsLong();
        tasks.push(new Task(task == null ? "" : task, totalUnits, now));
        if (tasks.size() == 1 && !terminal) {
            lastDraw = now; // first status line only after one interval: quick tasks stay silent
        }
        draw(terminal);
    }

    @Override
    public synchronized void advance(long units) {
        Task t = tasks.peek();
        if (t != null && units > 0) {
            t.done += units;
            draw(false);
        }
    }

    @Override
    public synchronized void status(String message) {
        Task t = tasks.peek();
        if (t != null) {
            t.status = message == null ? "" : message.strip().replace('\n', ' ').replace('\r', ' ');
            draw(false);
        }
    }

    @Override
    public synchronized void end() {
        if (tasks.isEmpty()) {
            return;
        }
        tasks.pop();
        if (tasks.isEmpty()) {
            if (terminal && lastLength > 0) {
                err.print("\r" + " ".repeat(lastLength) + "\r");
                err.flush();
                lastLength = 0;
            }
            lastDraw = Long.MIN_VALUE;
        } else {
            draw(false);
        }
    }

    private void draw(boolean force) {
        if (tasks.isEmpty()) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (!force && lastDraw != Long.MIN_VALUE && now - lastDraw < intervalNanos) {
            return;
        }
        lastDraw = now;
        String line = line(now);
        if (terminal) {
            String padded = line.length() < lastLength ? line + " ".repeat(lastLength - line.length()) : line;
            err.print("\r" + padded);
            lastLength = line.length();
        } else {
            err.println("fixpoint: " + line);
        }
        err.flush();
    }

    /** @return the text of the progress line: bar (if a total is known), tasks, elapsed time, status */
    String line(long now) {
        StringBuilder names = new StringBuilder();
        Task withTotal = null;
        String status = "";
        for (Iterator<Task> it = tasks.descendingIterator(); it.hasNext(); ) {
            Task t = it.next();
            if (!t.name.isEmpty()) {
                names.append(names.length() == 0 ? "" : " > ").append(t.name);
            }
            if (t.total > 0) {
                withTotal = t;
            }
            if (!t.status.isEmpty()) {
                status = t.status;
            }
        }
        StringBuilder sb = new StringBuilder();
        if (withTotal != null) {
            double f = Math.min(1.0, (double) withTotal.done / withTotal.total);
            int filled = (int) Math.round(f * BAR_WIDTH);
            sb.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%% ", Math.round(f * 100)));
        }
        sb.append(names);
        long elapsed = TimeUnit.NANOSECONDS.toSeconds(now - tasks.peekLast().started);
        sb.append(" (").append(elapsed).append(" s)");
        if (!status.isEmpty()) {
            sb.append(' ').append(status);
        }
        String s = sb.toString();
        return terminal && s.length() > MAX_LINE ? s.substring(0, MAX_LINE - 1) + "…" : s;
    }
}
