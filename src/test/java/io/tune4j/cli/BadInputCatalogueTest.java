package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.store.H2StudyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalogue of bad input at the command line: each case is what a user typed or wrote, and the spot the
 * one-line answer must name. Every case must exit 2, print exactly one line on stderr, and write nothing:
 * no results folder for a run, no change to an existing database for the reading commands. (The space-file
 * parser's many cases, with line numbers, are in StudyFileTest; the dashboard's query strings in
 * DashboardApiTest.)
 */
class BadInputCatalogueTest {
    private static final String VALID_HEAD = """
            study: s
            dataset: iris
            objective: {metric: val_accuracy, direction: maximize}
            """;
    private static final String VALID_SPACE = """
            space:
              learning_rate: {log_uniform: [1.0e-3, 1.0e-1]}
            """;

    @TempDir
    Path dir;

    /** {@code files}: written into the temp folder first; "{dir}" in args is that folder. */
    record Case(String what, Map<String, String> files, List<String> args, String mustName) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Case> runCases() {
        String valid = VALID_HEAD + VALID_SPACE;
        return Stream.of(
                // Space files: the file, the line and the key.
                run("space file missing", Map.of(), "{dir}/nope.yaml", "nope.yaml: no such space file"),
                run("space file: malformed YAML", Map.of("s.yaml", VALID_HEAD + "space:\n  lr: [1,\n"),
                        "s.yaml", "s.yaml:6: malformed YAML"),
                run("space file: unknown top-level key", Map.of("s.yaml", valid + "serach: {trials: 3}\n"),
                        "s.yaml", "s.yaml:6: serach: unknown key"),
                run("space file: log range at zero", Map.of("s.yaml",
                        VALID_HEAD + "space:\n  learning_rate: {log_uniform: [0, 1]}\n"), "s.yaml",
                        "s.yaml:5: space.learning_rate.log_uniform"),
                run("space file: unknown sampler", Map.of("s.yaml", valid + "search: {sampler: bayes}\n"),
                        "s.yaml", "s.yaml:6: search.sampler"),
                run("space file: zero trials", Map.of("s.yaml", valid + "search: {trials: 0}\n"),
                        "s.yaml", "s.yaml:6: search.trials"),
                run("space file: parallel not a number", Map.of("s.yaml", valid + "search: {parallel: many}\n"),
                        "s.yaml", "s.yaml:6: search.parallel"),
                run("space file: unknown pruner", Map.of("s.yaml", valid + "pruner: {type: guillotine}\n"),
                        "s.yaml", "s.yaml:6: pruner.type"),
                run("space file: a learning rate of .inf", Map.of("s.yaml",
                        VALID_HEAD + "space:\n  learning_rate: .inf\n"), "s.yaml",
                        "s.yaml:5: space.learning_rate: expected a finite number, got '.inf'"),
                run("space file: a bound of .nan", Map.of("s.yaml",
                        VALID_HEAD + "space:\n  learning_rate: {log_uniform: [1.0e-4, .nan]}\n"), "s.yaml",
                        "s.yaml:5: space.learning_rate.log_uniform[1]: expected a finite number, got '.nan'"),
                run("space file: unknown dataset", Map.of("s.yaml",
                        VALID_HEAD.replace("dataset: iris", "dataset: irises") + VALID_SPACE), "s.yaml",
                        "s.yaml:2: dataset"),
                // CSV data: the file, the line and the column.
                run("CSV file missing", Map.of("s.yaml", csvSpace("missing.csv")), "s.yaml", "missing.csv"),
                run("CSV row shorter than the header", Map.of("s.yaml", csvSpace("d.csv"),
                        "d.csv", "a,b,label\n1,2,0\n3\n"), "s.yaml", "d.csv line 3"),
                run("CSV cell not a number", Map.of("s.yaml", csvSpace("d.csv"),
                        "d.csv", "a,b,label\n1,2,0\n1,x,1\n"), "s.yaml", "d.csv line 3"),
                run("CSV file empty", Map.of("s.yaml", csvSpace("d.csv"), "d.csv", ""), "s.yaml", "d.csv"),
                // Arguments of run.
                run("--trials not a number", Map.of("s.yaml", valid), "s.yaml --trials many",
                        "tune4j run: Invalid value for option '--trials'"),
                run("--trials zero", Map.of("s.yaml", valid), "s.yaml --trials 0", "--trials"),
                run("--keep-models zero", Map.of("s.yaml", valid), "s.yaml --keep-models 0",
                        "--keep-models must be at least 1"),
                run("--sampler unknown", Map.of("s.yaml", valid), "s.yaml --sampler bayes", "unknown sampler 'bayes'"),
                run("--timeout unreadable", Map.of("s.yaml", valid), "s.yaml --timeout soon", "--timeout"),
                run("an unknown option", Map.of("s.yaml", valid), "s.yaml --trails 3", "Unknown options: '--trails'"),
                run("--dashboard on a port out of range", Map.of("s.yaml", valid),
                        "s.yaml --dashboard --port 70000", "--port must be 0..65535"),
                run("--dashboard on a public address without a token", Map.of("s.yaml", valid),
                        "s.yaml --dashboard --bind 0.0.0.0", "needs --token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runCases")
    void aBadRunAnswersInOneLineAndWritesNothing(Case bad) throws IOException {
        for (Map.Entry<String, String> file : bad.files().entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        Path results = dir.resolve("results");
        List<String> args = new ArrayList<>(List.of("run"));
        for (String arg : bad.args()) args.add(arg.startsWith("{dir}") ? arg.replace("{dir}", dir.toString())
                : bad.files().containsKey(arg) ? dir.resolve(arg).toString() : arg);
        args.addAll(List.of("--results", results.toString(), "--no-progress"));

        Tune4jCli.Result result = Tune4jCli.run(args.toArray(String[]::new));

        assertAnswered(result, bad.mustName());
        assertFalse(Files.exists(results), "nothing written for: " + bad.what());
    }

    static Stream<Case> readingCases() {
        return Stream.of(
                read("leaderboard of an unknown study", "leaderboard nope", "no study named 'nope'; known: s"),
                read("leaderboard --top zero", "leaderboard s --top 0", "--top"),
                read("export --top zero", "export s --top 0", "--top"),
                read("trials --state unknown", "trials s --state done", "Invalid value for option '--state'"),
                read("dashboard --port out of range", "dashboard --port -1", "--port must be 0..65535"),
                read("dashboard on a public address without a token", "dashboard --bind 0.0.0.0", "needs --token"),
                read("a command that does not exist", "leaderbord s", "Unmatched argument"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readingCases")
    void aBadReadingCommandAnswersInOneLineAndChangesNothing(Case bad) throws IOException {
        Path results = dir.resolve("results");
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            store.openStudy(new StudyDefinition("s", Direction.MINIMIZE, "loss", "random", 1, ""));
        }
        List<Path> before = listing(results);
        List<String> args = new ArrayList<>(bad.args());
        if (!args.get(0).equals("leaderbord")) args.addAll(List.of("--results", results.toString()));

        Tune4jCli.Result result = Tune4jCli.run(args.toArray(String[]::new));

        assertAnswered(result, bad.mustName());
        assertEquals(before, listing(results), "no file added for: " + bad.what());
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            assertEquals(1, store.studies().size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"studies", "leaderboard s", "trials s", "export s", "dashboard --port 0"})
    void aReadingCommandWithoutADatabaseDoesNotCreateOne(String command) {
        Path results = dir.resolve("absent");
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--results", results.toString()));
        assertAnswered(Tune4jCli.run(args.toArray(String[]::new)), "no results database in");
        assertFalse(Files.exists(results));
    }

    private static void assertAnswered(Tune4jCli.Result result, String mustName) {
        assertEquals(2, result.exitCode(), result.err());
        String err = result.err().strip();
        assertFalse(err.contains("\n"), "one line, not a stack trace or the usage:\n" + err);
        assertTrue(err.contains(mustName), "expected '" + mustName + "' in: " + err);
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(folder::relativize).sorted().toList();
        }
    }

    private static Case run(String what, Map<String, String> files, String args, String mustName) {
        return new Case(what, files, List.of(args.split(" ")), mustName);
    }

    private static Case read(String what, String args, String mustName) {
        return new Case(what, Map.of(), List.of(args.split(" ")), mustName);
    }

    private static String csvSpace(String csv) {
        return VALID_HEAD.replace("dataset: iris", "dataset: {csv: {path: " + csv + ", label: last}}") + VALID_SPACE;
    }
}
