package io.tune4j.cli.terminal;

import io.tune4j.search.study.TrialRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * The run's progress on a terminal: a block of lines at the bottom (the study, then each running trial's
 * epoch and metric) redrawn in place at every event and every second, with a line per finished trial printed
 * above it so the scrollback keeps them. The block is drawn with the terminal's own capabilities (JLine reads
 * terminfo): back to its first line, clear to the end of the screen, print it again. Its lines are cut to the
 * terminal's width, since a wrapped line would throw the count of lines to go back off.
 */
final class LiveProgress implements ProgressDisplay {
    private static final int FALLBACK_WIDTH = 80;
    private static final long MIN_FRAME_NANOS = 100_000_000;

    private final StudyProgress progress;
    private final Terminal terminal;
    private final ScheduledExecutorService ticker;
    private int drawnLines;
    private volatile long lastDrawNanos;
    private boolean closed;

    LiveProgress(StudyProgress progress, Terminal terminal) {
        this.progress = progress;
        this.terminal = terminal;
        this.ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tune4j-progress");
            thread.setDaemon(true);
            return thread;
        });
        redraw(List.of());
        // Elapsed times move between events too; an epoch of a large network can take minutes.
        ticker.scheduleAtFixedRate(() -> redraw(List.of()), 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void trialStarted(TrialRecord trial) {
        progress.trialStarted(trial);
        redraw(List.of());
    }

    @Override
    public void trialReported(TrialRecord trial, int step, Map<String, Double> metrics) {
        progress.trialReported(trial, step, metrics);
        // Small networks report hundreds of epochs a second; the eye needs a few frames, an ssh link fewer.
        if (System.nanoTime() - lastDrawNanos >= MIN_FRAME_NANOS) redraw(List.of());
    }

    @Override
    public void trialFinished(TrialRecord trial, TrialRecord best) {
        progress.trialFinished(trial, best);
        redraw(List.of(TrialLine.of(trial)));
    }

    private synchronized void redraw(List<String> above) {
        if (closed) return;
        erase();
        for (String line : above) terminal.writer().println(line);
        List<String> block = progress.lines(Instant.now());
        int width = terminal.getWidth() > 0 ? terminal.getWidth() : FALLBACK_WIDTH;
        for (String line : block) terminal.writer().println(line.length() < width ? line : line.substring(0, width - 1));
        drawnLines = block.size();
        terminal.flush();
        lastDrawNanos = System.nanoTime();
    }

    /** Moves back to the block's first line and clears from there to the end of the screen. */
    private void erase() {
        terminal.puts(Capability.carriage_return);
        if (drawnLines > 0 && !terminal.puts(Capability.parm_up_cursor, drawnLines)) {
            for (int i = 0; i < drawnLines; i++) terminal.puts(Capability.cursor_up);
        }
        terminal.puts(Capability.clr_eos);
        drawnLines = 0;
    }

    /** Removes the block, leaving the finished trials' lines, and gives the terminal back. */
    @Override
    public void close() {
        ticker.shutdownNow();
        synchronized (this) {
            if (closed) return;
            erase();
            terminal.flush();
            closed = true;
        }
        try {
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
