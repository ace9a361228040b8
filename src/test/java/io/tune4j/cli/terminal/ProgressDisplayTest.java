package io.tune4j.cli.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/** What a run shows while trials train: on a terminal, and in a pipe or log file. */
class ProgressDisplayTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final Map<String, Object> PARAMS = params();

    @Test
    void runningTrialsShowTheirEpochOutOfTheBudgetTheLatestValueAndTheirBestSoFar() {
        StudyProgress progress = progress();
        progress.trialStarted(trial(3, TrialState.RUNNING, null, T0, null));
        progress.trialStarted(trial(4, TrialState.RUNNING, null, T0, null));
        progress.trialReported(trial(3, TrialState.RUNNING, null, T0, null), 1, Map.of("val_accuracy", 0.9, "val_loss", 0.3));
        progress.trialReported(trial(3, TrialState.RUNNING, null, T0, null), 2, Map.of("val_accuracy", 0.85));

        List<String> lines = progress.lines(T0.plusSeconds(75));
        assertEquals(List.of("mnist: 0/10 trials, 0:01:15",
                "  trial 3  epoch 2/20 [=         ]  val_accuracy 0.8500 (best 0.9000)  0:01:15",
                "  trial 4  epoch 0/20 [          ]  0:01:15"), lines);
    }

    @Test
    void theSummaryCountsFinishedTrialsAndNamesTheBestAndTheTimeLeft() {
        StudyProgress progress = progress();
        TrialRecord best = trial(0, TrialState.COMPLETE, 0.1, T0, T0.plusSeconds(60));
        progress.trialStarted(trial(0, TrialState.RUNNING, null, T0, null));
        progress.trialFinished(best, best);
        progress.trialStarted(trial(1, TrialState.RUNNING, null, T0, null));
        progress.trialFinished(trial(1, TrialState.FAILED, null, T0, T0.plusSeconds(2)), best);

        assertEquals(List.of("mnist: 2/10 trials, 1 failed, best 0.1000 (trial 0), 0:02:00, about 0:08:00 left"),
                progress.lines(T0.plusSeconds(120)), "no running trial, so no trial line; a leading zero");
    }

    @Test
    void numbersHaveALeadingZeroAndAPointInAnyLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("0.1000", Cells.number(0.1));
            assertEquals("1.000e-04", Cells.number(1e-4));
            assertEquals("trial 7 COMPLETE 0.5000 in 12.5 s, 3 epochs: lr=1.000e-04 optimizer=adam",
                    TrialLine.of(new TrialRecord(1, 7, TrialState.COMPLETE, PARAMS, 0.5, 0, T0, T0.plusMillis(12_500),
                            "w", null, null, Map.of("epochs_trained", "3"))));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aFailedOrPrunedTrialSaysWhereItStoppedAndWhy() {
        TrialRecord failed = new TrialRecord(1, 5, TrialState.FAILED, PARAMS, null, 0, T0, T0.plusSeconds(3), "w",
                null, "diverged at epoch 2: training loss is NaN\n\tat somewhere", Map.of());
        assertEquals("trial 5 FAILED in 3.0 s: lr=1.000e-04 optimizer=adam -- diverged at epoch 2: training loss is NaN",
                TrialLine.of(failed));
        TrialRecord pruned = new TrialRecord(1, 6, TrialState.PRUNED, PARAMS, 0.25, 0, T0, T0.plusSeconds(1), "w",
                null, null, Map.of("pruned_at_epoch", "2"));
        assertEquals("trial 6 PRUNED 0.2500 in 1.0 s, pruned at epoch 2: lr=1.000e-04 optimizer=adam",
                TrialLine.of(pruned));
    }

    @Test
    void withoutATerminalEachFinishedTrialIsOneLineAndNothingElse() {
        StringWriter out = new StringWriter();
        try (ProgressDisplay log = ProgressDisplay.open(false, new PrintWriter(out), "mnist", 10, "val_accuracy",
                Direction.MAXIMIZE, params -> 20)) {
            log.trialStarted(trial(0, TrialState.RUNNING, null, T0, null));
            log.trialReported(trial(0, TrialState.RUNNING, null, T0, null), 1, Map.of("val_accuracy", 0.5));
            log.trialFinished(trial(0, TrialState.COMPLETE, 0.5, T0, T0.plusSeconds(1)), null);
        }
        assertEquals("trial 0 COMPLETE 0.5000 in 1.0 s: lr=1.000e-04 optimizer=adam" + System.lineSeparator(),
                out.toString());
    }

    @Test
    void onATerminalTheBlockIsRedrawnInPlaceBelowTheFinishedTrialsAndRemovedAtTheEnd() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Terminal terminal = TerminalBuilder.builder().system(false).type("xterm")
                .streams(new ByteArrayInputStream(new byte[0]), screen).size(new Size(60, 24)).build();
        try (LiveProgress live = new LiveProgress(progress(), terminal)) {
            live.trialStarted(trial(3, TrialState.RUNNING, null, T0, null));
            Thread.sleep(150); // a report within 0.1 s of the last frame waits for the next one
            live.trialReported(trial(3, TrialState.RUNNING, null, T0, null), 1, Map.of("val_accuracy", 0.9));
            Thread.sleep(150);
            live.trialReported(trial(3, TrialState.RUNNING, null, T0, null), 2, Map.of("val_accuracy", 0.95));
            live.trialFinished(trial(3, TrialState.COMPLETE, 0.95, T0, T0.plusSeconds(4)), null);
        }
        String drawn = screen.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("epoch 1/20"), drawn);
        assertTrue(drawn.contains("epoch 2/20"), "the epoch advances: " + drawn);
        assertTrue(drawn.contains("\u001b[2A"), "back up over the 2-line block to redraw it: " + drawn);
        assertTrue(drawn.contains("\u001b[J"), "cleared to the end of the screen: " + drawn);
        assertTrue(drawn.contains("trial 3 COMPLETE 0.9500 in 4.0 s"), drawn);
        for (String line : drawn.split("\r?\n")) {
            String visible = line.replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "").replace("\r", "");
            assertTrue(visible.length() < 60 || visible.startsWith("trial 3 COMPLETE"),
                    "block lines are cut to the width, or the count of lines to go back is wrong: " + visible);
        }
        String end = drawn.substring(drawn.lastIndexOf("trial 3 COMPLETE"));
        assertFalse(end.substring(end.lastIndexOf("\u001b[J")).contains("trial 3  epoch"),
                "the finished trial's progress line is gone");
    }

    private static StudyProgress progress() {
        return new StudyProgress("mnist", 10, "val_accuracy", Direction.MAXIMIZE, params -> 20, T0);
    }

    private static TrialRecord trial(int number, TrialState state, Double value, Instant started, Instant finished) {
        return new TrialRecord(number, number, state, PARAMS, value, 0, started, finished, "w", null, null, Map.of());
    }

    private static Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("lr", 1e-4);
        params.put("optimizer", "adam");
        return params;
    }
}
