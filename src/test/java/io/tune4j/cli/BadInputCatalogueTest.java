package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import io.tune4j.trainer.data.ImageFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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

    /**
     * {@code files}: written into the temp folder first, after {@code prepare} made whatever else the case needs
     * there (image folders); "{dir}" in args is that folder.
     */
    record Case(String what, Map<String, String> files, List<String> args, String mustName, Consumer<Path> prepare) {
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
                run("space file: search.enqueue point outside the space", Map.of("s.yaml",
                        valid + "search: {enqueue: [{learning_rate: 0.5}]}\n"), "s.yaml",
                        "s.yaml:6: search.enqueue[0].learning_rate: param 'learning_rate' = 0.5 is outside"),
                run("space file: search.enqueue of an unknown param", Map.of("s.yaml",
                        valid + "search: {enqueue: [{lr: 0.01}]}\n"), "s.yaml",
                        "s.yaml:6: search.enqueue[0].lr: unknown param 'lr'"),
                run("space file: a training seed that is not a whole number", Map.of("s.yaml", valid
                        + "training: {seed: 1.5}\n"), "s.yaml", "s.yaml:6: training.seed"),
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
                // The network section: the file, the line and the block.
                run("network: unknown layer type", Map.of("s.yaml", VALID_HEAD + "network:\n  - conv3d: {}\n"),
                        "s.yaml", "s.yaml:5: network[0].conv3d: unknown layer type 'conv3d'"),
                run("network: spatial layers on a table", Map.of("s.yaml", VALID_HEAD + "network:\n  - pool: {}\n"),
                        "s.yaml", "s.yaml:5: network[0].pool: pool needs image-shaped input"),
                run("network: a class that is not on the classpath", Map.of("s.yaml", VALID_HEAD
                        + "network: {class: com.acme.Missing}\n" + VALID_SPACE), "s.yaml",
                        "s.yaml:4: network.class: class com.acme.Missing is not on the classpath"),
                run("network: a class that is not a network", Map.of("s.yaml", VALID_HEAD
                        + "network: {class: java.lang.Object}\n" + VALID_SPACE), "s.yaml",
                        "s.yaml:4: network.class: class java.lang.Object does not implement"),
                run("--classpath entry missing", Map.of("s.yaml", valid), "s.yaml --classpath {dir}/nets.jar",
                        "--classpath: classpath entry not found"),
                // CSV data: the file, the line and the column.
                run("CSV file missing", Map.of("s.yaml", csvSpace("missing.csv")), "s.yaml", "missing.csv"),
                run("CSV row shorter than the header", Map.of("s.yaml", csvSpace("d.csv"),
                        "d.csv", "a,b,label\n1,2,0\n3\n"), "s.yaml", "d.csv line 3"),
                run("CSV cell not a number", Map.of("s.yaml", csvSpace("d.csv"),
                        "d.csv", "a,b,label\n1,2,0\n1,x,1\n"), "s.yaml", "d.csv line 3"),
                run("CSV file empty", Map.of("s.yaml", csvSpace("d.csv"), "d.csv", ""), "s.yaml", "d.csv"),
                run("CSV text column not declared", Map.of("s.yaml", csvSpace("d.csv"),
                        "d.csv", "a,origin,label\n1,USA,0\n2,Japan,1\n"), "s.yaml",
                        "d.csv line 2, column 2 ('origin'): 'USA' is not a number; declare the column in categorical:"),
                run("CSV NaN cell", Map.of("s.yaml", csvSpace("d.csv"), "d.csv", "a,b,label\n1,2,0\n1,NaN,1\n"),
                        "s.yaml", "d.csv line 3, column 2 ('b'): missing value ('NaN')"),
                run("CSV label that looks continuous", Map.of("s.yaml", csvSpace("d.csv"), "d.csv",
                        "a,label\n" + "1,0.5\n2,1.5\n3,2.25\n".repeat(5)), "s.yaml",
                        "label column 'label': 3 distinct numbers, some fractional, look like a continuous target;"
                                + " declare task: regression"),
                run("CSV ignore names no column", Map.of("s.yaml", VALID_HEAD.replace("dataset: iris",
                        "dataset: {csv: {path: d.csv, label: label, ignore: [nope]}}") + VALID_SPACE,
                        "d.csv", "a,b,label\n1,2,0\n3,4,1\n"), "s.yaml", "no column named 'nope' (ignore)"),
                run("CSV class with one row", Map.of("s.yaml", csvSpace("d.csv"), "d.csv",
                        "a,label\n" + "1,x\n2,y\n".repeat(10) + "3,z\n"), "s.yaml", "class 'z' has 1 row, too few"),
                run("space file: unknown task", Map.of("s.yaml", "task: ranking\n" + valid), "s.yaml",
                        "s.yaml:1: task: unknown task 'ranking' (known: classification, binary, regression)"),
                run("space file: missing strategy unknown", Map.of("s.yaml", VALID_HEAD.replace("dataset: iris",
                        "dataset: {csv: {path: d.csv, missing: guess}}") + VALID_SPACE, "d.csv", "a,label\n1,0\n"),
                        "s.yaml", "s.yaml:2: dataset.csv.missing"),
                // Image folders: the folder or the file.
                images("image folder missing", dir -> { }, "{dir: nope}", "s.yaml:2: dataset.images.dir: image "
                        + "folder not found"),
                images("image folder without class sub-folders", dir -> ImageFolders.write(
                        ImageFolders.rgb(2, 2, 0, 0, 0, 0), dir.resolve("pics/x.png")), "{dir: pics}",
                        "pics: no class sub-folders"),
                images("image class folder without images", dir -> {
                    ImageFolders.greyClasses(dir.resolve("pics"), 2, 2, 2, "a");
                    ImageFolders.write(ImageFolders.rgb(2, 2, 0, 0, 0, 0), dir.resolve("pics/b/x.png"));
                    write(dir.resolve("pics/c/notes.txt"), new byte[] {1});
                }, "{dir: pics}", "pics/c: no images (png, jpg, jpeg, gif, bmp)"),
                images("images of mixed sizes without size:", dir -> {
                    ImageFolders.greyClasses(dir.resolve("pics"), 4, 4, 2, "a", "b");
                    ImageFolders.write(ImageFolders.rgb(5, 4, 0, 0, 0, 0), dir.resolve("pics/b/tall.png"));
                }, "{dir: pics}", "pics/b/tall.png: 5x4 where"),
                images("a corrupt image", dir -> {
                    ImageFolders.greyClasses(dir.resolve("pics"), 2, 2, 2, "a", "b");
                    write(dir.resolve("pics/a/broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 1, 2});
                }, "{dir: pics}", "pics/a/broken.jpg: "),
                images("image channels not 1 or 3", dir -> ImageFolders.greyClasses(dir.resolve("pics"), 2, 2, 2,
                        "a", "b"), "{dir: pics, channels: 2}", "s.yaml:2: dataset.images.channels: channels must be"),
                images("image size not [height, width]", dir -> ImageFolders.greyClasses(dir.resolve("pics"), 2, 2,
                        2, "a", "b"), "{dir: pics, size: [28]}", "s.yaml:2: dataset.images.size: expected [height, "
                        + "width]"),
                new Case("a conv2d kernel larger than the images of a folder without size:", Map.of("s.yaml",
                        VALID_HEAD.replace("dataset: iris", "dataset: {images: {dir: pics, channels: 1}}")
                                + "network:\n  - conv2d: {filters: 4, kernel: 5, padding: valid}\n  - output: {}\n"
                                + VALID_SPACE), List.of("s.yaml"),
                        "s.yaml:5: network: no network of this section can be built for 2x2x1 images",
                        dir -> ImageFolders.greyClasses(dir.resolve("pics"), 2, 2, 2, "a", "b")),
                // Metrics, class weights, time limits and k-fold (issue 12).
                run("objective: a regression metric on a classification study", Map.of("s.yaml",
                        VALID_HEAD.replace("metric: val_accuracy, direction: maximize", "metric: val_rmse")
                                + VALID_SPACE), "s.yaml", "s.yaml:3: objective.metric: unknown metric 'val_rmse'"),
                run("early stopping on a metric the task lacks", Map.of("s.yaml", valid
                        + "training: {early_stopping: {monitor: val_r2}}\n"), "s.yaml",
                        "s.yaml:6: training.early_stopping.monitor: unknown monitor 'val_r2'"),
                run("class weights neither balanced nor a map", Map.of("s.yaml", valid
                        + "training: {class_weights: even}\n"), "s.yaml",
                        "s.yaml:6: training.class_weights: expected balanced or a map"),
                run("a class weight of zero", Map.of("s.yaml", valid + "training:\n  class_weights: {setosa: 0}\n"),
                        "s.yaml", "s.yaml:7: training.class_weights.setosa: a class weight must be > 0"),
                run("a class weight for a label the data lacks", Map.of("s.yaml", valid
                        + "training:\n  class_weights: {daisy: 2}\n"), "s.yaml",
                        "s.yaml:7: training.class_weights: unknown label 'daisy'; the labels are"),
                run("max_trial_time unreadable", Map.of("s.yaml", valid + "training: {max_trial_time: 10 minutes}\n"),
                        "s.yaml", "s.yaml:6: training.max_trial_time: expected a duration"),
                run("a regression loss on a classifier", Map.of("s.yaml", VALID_HEAD + VALID_SPACE + "  loss: huber\n"),
                        "s.yaml", "s.yaml:6: space.loss: a classification network's loss is cross-entropy"),
                run("kfold of 1", Map.of("s.yaml", valid + "evaluation: {kfold: 1}\n"), "s.yaml",
                        "s.yaml:6: evaluation.kfold: must be at least 2"),
                run("augmentation on a table", Map.of("s.yaml", VALID_HEAD + VALID_SPACE + "  augment_flip: true\n"),
                        "s.yaml", "s.yaml:6: space.augment_flip: 'augment_flip' augments images"),
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
                        "s.yaml --dashboard --bind 0.0.0.0", "needs --token"),
                run("--results-server naming no file", Map.of("s.yaml", valid),
                        "s.yaml --results-server {dir}/nope.client", "nope.client: no such file"),
                run("--results-server with a client file lacking a key", Map.of("s.yaml", valid, "bad.client",
                        "url=jdbc:h2:ssl://127.0.0.1:9/k\nuser=TUNE4J\n"), "s.yaml --results-server bad.client",
                        "bad.client: key 'password' is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runCases")
    void aBadRunAnswersInOneLineAndWritesNothing(Case bad) throws IOException {
        bad.prepare().accept(dir);
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
                read("dashboard writing notes without a token", "dashboard --allow-notes", "--allow-notes needs --token"),
                read("note on an unknown study", "note nope text", "no study named 'nope'; known: s"),
                read("note on an unknown trial", "note s --trial 7 text", "study 's' has no trial 7"),
                read("enqueue into an unknown study", "enqueue nope p.yaml", "no study named 'nope'; known: s"),
                read("enqueue into a study run without a space file", "enqueue s p.yaml",
                        "study 's' was not run from a space file"),
                read("studies delete without --yes", "studies delete s", "add --yes to delete it"),
                read("studies rename to a name taken", "studies rename s s", "a study named 's' exists already"),
                read("studies rename out of the results folder", "studies rename s ../elsewhere",
                        "study name '../elsewhere' must be a folder name"),
                read("studies copy of an unknown study", "studies copy nope t", "no study named 'nope'; known: s"),
                read("studies rename of an unknown study", "studies rename nope t", "no study named 'nope'"),
                read("rerun of an unknown study", "rerun nope --trial 0", "no study named 'nope'; known: s"),
                read("rerun of an unknown trial", "rerun s --trial 7", "study 's' has no trial 7"),
                read("rerun of a trial that did not complete", "rerun s --trial 0",
                        "trial 0 of study 's' is FAILED; only a COMPLETE trial can be re-run"),
                read("rerun --seeds 0", "rerun s --trial 0 --seeds 0", "--seeds must be at least 2"),
                read("rerun without --trial", "rerun s", "Missing required option: '--trial=N'"),
                read("report of an unknown study", "report nope", "no study named 'nope'; known: s"),
                read("report to a file that cannot be written", "report s --out /dev/null/report.html",
                        "cannot write the report to /dev/null/report.html"),
                read("serve --port out of range", "serve --host 127.0.0.1 --port 70000", "--port must be 0..65535"),
                read("a command that does not exist", "leaderbord s", "Unmatched argument"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readingCases")
    void aBadReadingCommandAnswersInOneLineAndChangesNothing(Case bad) throws IOException {
        Path results = dir.resolve("results");
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            StudyRecord study = store.openStudy(new StudyDefinition("s", Direction.MINIMIZE, "loss"), "random", 1);
            // Trial 0 failed: a command that needs a completed trial must say so.
            store.finishTrial(store.createTrial(study.id(), "w").id(), TrialState.FAILED, null, "diverged");
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

    /** {@code enqueue} into a study run from a space file: the params file, its line and the param at fault. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"learning_rate: 0.5|p.yaml:1: learning_rate: param 'learning_rate' = 0.5 is outside",
            "learning_rat: 0.01|p.yaml:1: learning_rat: unknown param 'learning_rat'; did you mean 'learning_rate'?",
            "learning_rate: fast|p.yaml:1: learning_rate: expected a number, got 'fast'",
            "[0.01]|p.yaml:1: expected a mapping (key: value), got a list",
            "space: {}|p.yaml:1: space: missing param 'learning_rate'"})
    void aBadEnqueueAnswersInOneLineAndQueuesNothing(String paramsAndAnswer) throws IOException {
        String[] parts = paramsAndAnswer.split("\\|");
        Path results = dir.resolve("results");
        long study;
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            study = store.openStudy(new StudyDefinition("s", Direction.MAXIMIZE, "val_accuracy",
                    VALID_HEAD + VALID_SPACE), "tpe", 42).id();
        }
        Path params = Files.writeString(dir.resolve("p.yaml"), parts[0] + "\n");
        assertAnswered(Tune4jCli.run("enqueue", "s", params.toString(), "--results", results.toString()), parts[1]);
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            assertEquals(List.of(), store.trials(study), "nothing queued");
        }
    }

    /** {@code bench train} only trains (its models go to a temporary folder): the answer is what matters. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--epochs 0|--epochs must be at least 1",
            "--params unit=16|--params: unknown param 'unit'",
            "--params batch_size=many|--params: batch_size=many: must be an integer > 0",
            "--params units|Value for option option '--params' (KEY=VALUE)"})
    void aBadTrainingBenchAnswersInOneLine(String argsAndAnswer) throws IOException {
        String[] parts = argsAndAnswer.split("\\|");
        Path space = Files.writeString(dir.resolve("s.yaml"), VALID_HEAD + VALID_SPACE);
        List<String> args = new ArrayList<>(List.of("bench", "train", "--space", space.toString()));
        args.addAll(List.of(parts[0].split(" ")));
        assertAnswered(Tune4jCli.run(args.toArray(String[]::new)), parts[1]);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"studies", "leaderboard s", "trials s", "export s", "dashboard --port 0", "note s text",
            "enqueue s p.yaml", "studies rename s t", "studies copy s t", "studies delete s --yes", "rerun s --trial 0", "report s"})
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
        return new Case(what, files, List.of(args.split(" ")), mustName, dir -> { });
    }

    /** A run of s.yaml with {@code dataset: {images: <options>}}, in a folder {@code prepare} filled. */
    private static Case images(String what, Consumer<Path> prepare, String options, String mustName) {
        String space = VALID_HEAD.replace("dataset: iris", "dataset: {images: " + options + "}") + VALID_SPACE;
        return new Case(what, Map.of("s.yaml", space), List.of("s.yaml"), mustName, prepare);
    }

    private static Case read(String what, String args, String mustName) {
        return new Case(what, Map.of(), List.of(args.split(" ")), mustName, dir -> { });
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csvSpace(String csv) {
        return VALID_HEAD.replace("dataset: iris", "dataset: {csv: {path: " + csv + ", label: last}}") + VALID_SPACE;
    }
}
