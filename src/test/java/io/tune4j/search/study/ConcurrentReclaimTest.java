package io.tune4j.search.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.space.SearchSpace;
import io.tune4j.store.H2StudyStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes reclaiming the same dead trials, and taking the same queue, get each trial exactly once. */
class ConcurrentReclaimTest {
    static final SearchSpace SPACE = SearchSpace.builder().uniform("x", -4, 4).build();
    static final StudyDefinition DEFINITION = new StudyDefinition("race", Direction.MINIMIZE, "v");
    private static final int DEAD = 150;

    @Test
    void eachDeadTrialIsReclaimedOnceAndEachRetryTakenOnce(@TempDir Path results) throws Exception {
        long studyId;
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            studyId = store.openStudy(DEFINITION, "random", 1).id();
            String ended = StaleTrialsTest.endedProcess();
            for (int i = 0; i < DEAD; i++) {
                TrialRecord trial = store.createTrial(studyId, ended);
                store.setParams(trial.id(), Map.of("x", (double) i / DEAD));
            }
        }
        List<Process> racers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            racers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ReclaimRace.class.getName(), results.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        List<BufferedReader> outputs = racers.stream()
                .map(p -> new BufferedReader(new InputStreamReader(p.getInputStream()))).toList();
        for (BufferedReader out : outputs) assertEquals("ready", out.readLine());
        for (Process racer : racers) tell(racer, "go");
        List<Integer> reclaimed = new ArrayList<>();
        List<Integer> claimed = new ArrayList<>();
        for (BufferedReader out : outputs) {
            reclaimed.addAll(numbers(out.readLine(), "reclaimed"));
            claimed.addAll(numbers(out.readLine(), "claimed"));
        }
        for (Process racer : racers) tell(racer, "exit");
        for (Process racer : racers) assertTrue(racer.waitFor(60, TimeUnit.SECONDS));

        assertEquals(DEAD, reclaimed.size(), "no dead trial claimed twice or missed");
        assertEquals(Set.copyOf(IntStream.range(0, DEAD).boxed().toList()), new HashSet<>(reclaimed));
        assertEquals(DEAD, claimed.size(), "no retry taken twice or missed");
        assertEquals(Set.copyOf(IntStream.range(DEAD, 2 * DEAD).boxed().toList()), new HashSet<>(claimed));
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            List<TrialRecord> trials = store.trials(studyId);
            assertEquals(2 * DEAD, trials.size());
            for (int n = 0; n < 2 * DEAD; n++) assertEquals(n, trials.get(n).number());
            for (int n = 0; n < DEAD; n++) {
                assertEquals(trials.get(n).params(), trials.get(Integer.parseInt(
                        trials.get(n).attributes().get("retried_as"))).params());
            }
        }
    }

    private static void tell(Process racer, String line) {
        PrintWriter in = new PrintWriter(racer.getOutputStream(), true);
        in.println(line);
    }

    private static List<Integer> numbers(String line, String label) {
        assertTrue(line != null && line.startsWith(label), String.valueOf(line));
        return Arrays.stream(line.substring(label.length()).trim().split(" ")).filter(s -> !s.isEmpty())
                .map(Integer::valueOf).toList();
    }
}
