package dev.fixpoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressBarTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAndClearedAtTheEnd() {
        StringWriter sw = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ConsoleProgressBar bar = new ConsoleProgressBar(new PrintWriter(sw), true, clock::get, SECOND / 10);
        bar.begin("suite", -1);
        bar.begin("step", 4);
        clock.addAndGet(SECOND);
        bar.advance(2);
        bar.status("residual 1e-3");
        String mid = sw.toString();
        assertTrue(mid.startsWith("\r"), mid);
        assertTrue(mid.contains("[############............]  50% suite > step (1 s)"), mid);
        assertTrue(!mid.contains("\n"), "no new lines on a terminal: " + mid);
        bar.end();
        bar.end();
        assertTrue(sw.toString().endsWith("\r"), "line cleared at the end");
    }

    @Test
    void offATerminalStatusLinesAreThrottled() {
        StringWriter sw = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ConsoleProgressBar bar = new ConsoleProgressBar(new PrintWriter(sw), false, clock::get, 5 * SECOND);
        bar.begin("suite", 100);
        for (int i = 0; i < 100; i++) {
            clock.addAndGet(SECOND / 10); // 10 s in total
            bar.advance(1);
        }
        bar.end();
        String text = sw.toString();
        assertEquals(2, text.lines().count(), text);
        assertTrue(text.startsWith("fixpoint: [############............]  50% suite (5 s)"), text);
        assertTrue(!text.contains("\r"), text);
    }
}
