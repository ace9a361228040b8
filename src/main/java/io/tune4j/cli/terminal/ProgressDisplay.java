package io.tune4j.cli.terminal;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp.Capability;

/** How a run shows its progress: live on a terminal, one line per finished trial anywhere else. */
public interface ProgressDisplay extends StudyListener, AutoCloseable {

    @Override
    default void close() {}

    /**
     * Whether the run talks to a person at a terminal. Java 17's {@code System.console()} is there only when
     * both stdin and stdout are terminals, so {@code tune4j run … | cat} or {@code > log} get the plain lines.
     */
    static boolean onTerminal() {
        return System.console() != null;
    }

    /**
     * The live display on this process's terminal when {@code live}, else the plain lines on {@code out}.
     * {@code trials} is the run's budget; {@code epochBudget} the most epochs a trial with given params trains.
     */
    static ProgressDisplay open(boolean live, PrintWriter out, String study, int trials, String metric,
                                Direction direction, ToIntFunction<Map<String, Object>> epochBudget) {
        if (!live) return new TrialLog(out);
        try {
            // No signal handlers of JLine's: Ctrl-C must reach the run's own, which records interrupted trials.
            // A terminal JLine cannot drive (TERM=dumb, an unknown type) gets the plain lines, not a block
            // printed again and again.
            Terminal terminal = TerminalBuilder.builder().system(true).nativeSignals(false).dumb(true).build();
            if (!canRedraw(terminal)) {
                terminal.close();
                return new TrialLog(out);
            }
            return new LiveProgress(
                    new StudyProgress(study, trials, metric, direction, epochBudget, Instant.now()), terminal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean canRedraw(Terminal terminal) {
        return !terminal.getType().startsWith(Terminal.TYPE_DUMB)
                && terminal.getStringCapability(Capability.cursor_up) != null
                && terminal.getStringCapability(Capability.clr_eos) != null;
    }
}
