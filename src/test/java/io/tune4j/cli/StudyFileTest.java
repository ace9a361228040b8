package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.sampler.SamplingContext;
import io.tune4j.search.space.CategoricalParameter;
import io.tune4j.search.space.Condition;
import io.tune4j.search.space.FixedParameter;
import io.tune4j.search.space.FloatParameter;
import io.tune4j.search.space.IntParameter;
import io.tune4j.search.space.Parameter;
import io.tune4j.search.spec.SearchSettingsParser;
import io.tune4j.search.spec.SpecException;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.trainer.data.DatasetSpec;
import io.tune4j.trainer.data.Task;
import io.tune4j.trainer.network.Hyperparameter;
import io.tune4j.trainer.training.EvaluationSpec;
import io.tune4j.trainer.training.TaskMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyFileTest {
    /** The example of the file format, verbatim. */
    static final String EXAMPLE = """
            study: digits-mlp
            dataset: digits          # built-in: iris | digits | wine | breast-cancer
            objective: {metric: val_accuracy, direction: maximize}
            search: {sampler: random, trials: 20, seed: 42, timeout: 10m, resolution: 5}
            training: {epochs: 30, early_stopping: {monitor: val_loss, patience: 4, min_delta: 0.0}}
            space:
              learning_rate: {log_uniform: [1.0e-4, 1.0e-1]}
              batch_size: {choice: [32, 64, 128]}
              weight_init: {choice: [XAVIER, RELU]}
              l2: {log_uniform: [1.0e-6, 1.0e-2]}
              dropout: {uniform: [0.0, 0.5]}
              optimizer:
                choice:
                  nesterov: {momentum: {uniform: [0.5, 0.99]}}
                  adam: {beta1: {uniform: [0.8, 0.95]}}
                  rmsprop: {}
              lr_schedule: {choice: {none: {}, exponential: {lr_decay: {uniform: [0.8, 0.99]}}}}
              hidden_layers: {int: [1, 3]}
              units: {int_log: [16, 512]}
              activation: {choice: [RELU, TANH]}
              epochs: 20            # a bare scalar = fixed value
            """;

    /** Two lines, so in the bad files below "space:" is line 3 and its first parameter line 4. */
    private static final String HEAD = """
            study: t
            dataset: iris
            """;

    @TempDir Path dir;

    // ---- the example and the defaults ----

    @Test
    void theExampleParsesIntoTheExpectedSpace() throws IOException {
        StudyPlan plan = StudyFile.load(write("digits.yaml", EXAMPLE));

        assertEquals("digits-mlp", plan.study());
        assertEquals(new DatasetSpec.BuiltIn("digits"), plan.data().source());
        assertEquals("val_accuracy", plan.metric());
        assertEquals(Direction.MAXIMIZE, plan.direction());
        assertEquals(Duration.ofMinutes(10), plan.search().timeout());
        assertEquals(20, plan.search().trials());
        assertEquals(30, plan.training().epochs());
        assertEquals(4, plan.training().earlyStopping().patience());
        assertEquals(EXAMPLE, plan.source());

        List<String> names = plan.space().parameters().stream().map(Parameter::name).toList();
        assertEquals(List.of("learning_rate", "batch_size", "weight_init", "l2", "dropout", "optimizer", "momentum",
                "beta1", "lr_schedule", "lr_decay", "hidden_layers", "units", "activation", "epochs"), names);
        assertEquals(14, plan.space().dimensions());

        FloatParameter learningRate = (FloatParameter) parameter(plan, "learning_rate");
        assertTrue(learningRate.log());
        assertEquals(1.0e-4, learningRate.low());
        assertEquals(List.of(32, 64, 128), ((CategoricalParameter) parameter(plan, "batch_size")).choices());
        assertEquals(List.of("XAVIER", "RELU"), ((CategoricalParameter) parameter(plan, "weight_init")).choices());
        IntParameter units = (IntParameter) parameter(plan, "units");
        assertTrue(units.log());
        assertEquals(16, units.low());
        assertEquals(512, units.high());
        assertEquals(Optional.of(new Condition("optimizer", "nesterov")), parameter(plan, "momentum").condition());
        assertEquals(Optional.of(new Condition("optimizer", "adam")), parameter(plan, "beta1").condition());
        assertEquals(Optional.of(new Condition("lr_schedule", "exponential")), parameter(plan, "lr_decay").condition());
        assertEquals(Optional.empty(), parameter(plan, "dropout").condition());
        assertEquals(20, ((FixedParameter) parameter(plan, "epochs")).value());
    }

    @Test
    void loadingWritesNothing() throws IOException {
        Path file = write("digits.yaml", EXAMPLE);
        StudyFile.load(file);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void sampledParamsAlwaysFitTheSpaceAndTheNetworkVocabulary() throws IOException {
        StudyPlan plan = StudyFile.load(write("digits.yaml", EXAMPLE));
        RandomSampler sampler = new RandomSampler(7);
        for (int trial = 0; trial < 2000; trial++) {
            Map<String, Object> params = sampler.suggest(
                    new SamplingContext(plan.space(), plan.direction(), trial, List.of(), List.of()));
            assertEquals(Optional.empty(), plan.space().violation(params), params.toString());
            params.forEach((name, value) -> assertEquals(Optional.empty(),
                    Hyperparameter.byKey(name).orElseThrow().problemWith(value), name + " = " + value));
            assertEquals(params.get("optimizer").equals("nesterov"), params.containsKey("momentum"), params.toString());
            assertInstanceOf(Integer.class, params.get("units"));
            assertInstanceOf(Double.class, params.get("learning_rate"));
        }
    }

    @Test
    void absentSectionsTakeTheirDefaults() throws IOException {
        StudyPlan plan = StudyFile.load(write("minimal.yaml", HEAD + """
                space:
                  learning_rate: {log_uniform: [1e-4, 1e-1]}
                """));

        assertEquals(SearchSettingsParser.DEFAULTS, plan.search());
        assertNull(plan.search().timeout());
        assertEquals("val_accuracy", plan.metric());
        assertEquals(Direction.MAXIMIZE, plan.direction());
        assertEquals(30, plan.training().epochs());
        assertNull(plan.training().earlyStopping());
        assertEquals(EvaluationSpec.HOLDOUT, plan.evaluation());
        assertEquals(0.2, plan.data().validationFraction());
        assertEquals(0.2, plan.data().testFraction());
        assertEquals(plan.search().seed(), plan.data().splitSeed());
        // YAML 1.1 could read 1e-4 (no dot) as text; it must still be the number.
        assertEquals(1.0e-4, ((FloatParameter) parameter(plan, "learning_rate")).low());
    }

    @Test
    void aLossMetricIsMinimizedByDefault() throws IOException {
        StudyPlan plan = StudyFile.load(write("loss.yaml", HEAD + """
                objective: {metric: val_loss}
                space: {units: {int: [8, 16]}}
                """));
        assertEquals(Direction.MINIMIZE, plan.direction());
    }

    /** Every metric of the task can be the objective, each in its own direction; the k-fold section reaches the plan. */
    @Test
    void theTasksMetricsAreObjectivesAndKfoldReachesThePlan() throws IOException {
        for (String metric : TaskMetrics.reported(Task.CLASSIFICATION)) {
            StudyPlan plan = StudyFile.load(write("m.yaml", HEAD + "objective: {metric: " + metric + "}\n"
                    + "evaluation: {kfold: 4, repeats: 2}\nspace: {units: {int: [8, 16]}}\n"));
            assertEquals(metric.endsWith("loss") ? Direction.MINIMIZE : Direction.MAXIMIZE, plan.direction(), metric);
            assertEquals(new EvaluationSpec(4, 2), plan.evaluation());
        }
    }

    @Test
    void aCsvPathIsResolvedAgainstTheSpaceFilesFolder() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/my.csv"), "a,b,label\n1,2,x\n");
        Files.createDirectories(dir.resolve("spaces"));
        StudyPlan plan = StudyFile.load(write("spaces/csv.yaml", """
                study: mine
                dataset: {csv: {path: ../data/my.csv, label: label, header: true}}
                split: {validation: 0.25, test: 0.1, seed: 7}
                space: {units: {int: [8, 16]}}
                """));
        assertEquals(new DatasetSpec.Csv(dir.resolve("data/my.csv").toAbsolutePath().normalize(), "label", true),
                plan.data().source());
        assertEquals(0.25, plan.data().validationFraction());
        assertEquals(7, plan.data().splitSeed());
    }

    @Test
    void trialsCanBeOverriddenAfterLoading() throws IOException {
        StudyPlan loaded = StudyFile.load(write("digits.yaml", EXAMPLE));
        StudyPlan plan = loaded.withSearch(loaded.search().withTrials(3));
        assertEquals(3, plan.search().trials());
        assertEquals(42, plan.search().seed());
    }

    @Test
    void thePlanDefinesItsStudy() throws IOException {
        StudyPlan plan = StudyFile.load(write("digits.yaml", EXAMPLE));
        assertEquals(new StudyDefinition("digits-mlp", Direction.MAXIMIZE, "val_accuracy", EXAMPLE),
                plan.definition());
    }

    @Test
    void theShippedSpaceFilesLoad() {
        StudyPlan iris = StudyFile.load(Path.of("spaces", "iris-mlp.yaml"));
        assertEquals("iris-mlp", iris.study());
        assertEquals(3, iris.search().trials());
        assertTrue(iris.training().epochs() <= 30);
        assertTrue(iris.training().earlyStopping() != null);

        StudyPlan digits = StudyFile.load(Path.of("spaces", "digits-mlp.yaml"));
        assertEquals(new DatasetSpec.BuiltIn("digits"), digits.data().source());
        assertEquals(20, digits.search().trials());
        assertEquals(42, digits.search().seed());

        StudyPlan mnist = StudyFile.load(Path.of("spaces", "mnist-mlp.yaml"));
        assertEquals(new DatasetSpec.Idx("mnist", Path.of("data", "mnist").toAbsolutePath()), mnist.data().source());
    }

    // ---- the bad-input catalogue: each names the file, the line and the key ----

    @Test
    void badIndentation() {
        assertFailure(HEAD + """
                space:
                  learning_rate: {log_uniform: [1.0e-4, 1.0e-1]}
                   batch_size: {choice: [32, 64]}
                """, 5, "", "malformed YAML");
    }

    @Test
    void unclosedBracket() {
        assertFailure(HEAD + """
                space:
                  learning_rate: {log_uniform: [1.0e-4, 1.0e-1}
                  batch_size: {choice: [32, 64]}
                """, 4, "", "malformed YAML");
    }

    @Test
    void unknownTopLevelKey() {
        assertFailure(HEAD + """
                serch: {trials: 5}
                space: {units: {int: [8, 16]}}
                """, 3, "serch", "did you mean 'search'?");
    }

    @Test
    void unknownParameterNameGetsASuggestion() {
        assertFailure(HEAD + """
                space:
                  units: {int: [8, 16]}
                  learnin_rate: {log_uniform: [1.0e-4, 1.0e-1]}
                """, 5, "space.learnin_rate", "did you mean 'learning_rate'?");
    }

    @Test
    void emptyRange() {
        assertFailure(HEAD + """
                space:
                  hidden_layers: {int: [1, 2]}
                  dropout: {uniform: [1, 1]}
                """, 5, "space.dropout.uniform", "empty or inverted");
    }

    @Test
    void invertedRange() {
        assertFailure(HEAD + """
                space:
                  dropout: {uniform: [0.5, 0.1]}
                """, 4, "space.dropout.uniform", "empty or inverted");
    }

    @Test
    void logRangeWithABoundAtZeroOrBelow() {
        SpecException zero = assertFailure(HEAD + """
                space:
                  learning_rate: {log_uniform: [0.0, 0.1]}
                """, 4, "space.learning_rate.log_uniform", "needs a low bound > 0, got 0.0");
        assertTrue(zero.getMessage().endsWith(
                ":4: space.learning_rate.log_uniform: log range of 'learning_rate' needs a low bound > 0, got 0.0"),
                zero.getMessage());
        assertFailure(HEAD + """
                space:
                  units: {int_log: [-4, 64]}
                """, 4, "space.units.int_log", "needs a low bound > 0");
    }

    @Test
    void rangeThatIsNotTwoNumbers() {
        assertFailure(HEAD + """
                space:
                  dropout: {uniform: [0.1, 0.2, 0.3]}
                """, 4, "space.dropout.uniform", "two numbers");
        assertFailure(HEAD + """
                space:
                  dropout: {uniform: 0.2}
                """, 4, "space.dropout.uniform", "two numbers");
        assertFailure(HEAD + """
                space:
                  dropout: {uniform: [0.1, high]}
                """, 4, "space.dropout.uniform[1]", "expected a number, got 'high'");
        assertFailure(HEAD + """
                space:
                  units: {int: [8, 16.5]}
                """, 4, "space.units.int[1]", "expected an integer");
    }

    @Test
    void unknownOptimizer() {
        assertFailure(HEAD + """
                space:
                  optimizer:
                    choice:
                      adam: {}
                      sgdd: {momentum: {uniform: [0.5, 0.9]}}
                """, 7, "space.optimizer.choice.sgdd", "unknown value 'sgdd'");
        assertFailure(HEAD + """
                space:
                  optimizer: {choice: [adam, adamw]}
                """, 4, "space.optimizer.choice[1]", "unknown value 'adamw'");
    }

    @Test
    void unknownWeightInitializer() {
        assertFailure(HEAD + """
                space:
                  weight_init: {choice: [XAVIER, XAVIR]}
                """, 4, "space.weight_init.choice[1]", "unknown value 'XAVIR'");
    }

    @Test
    void unknownActivation() {
        assertFailure(HEAD + """
                space:
                  units: {int: [8, 16]}
                  activation:
                    choice:
                      - RELU
                      - RELUU
                """, 8, "space.activation.choice[1]", "unknown value 'RELUU'");
    }

    @Test
    void dropoutRangeReachingOne() {
        assertFailure(HEAD + """
                space:
                  dropout: {uniform: [0.5, 1.0]}
                """, 4, "space.dropout.uniform", "high bound 1.0 must be a drop probability in [0, 1)");
    }

    @Test
    void unknownDataset() {
        SpecException e = assertFailure("""
                study: t
                dataset: digit
                space: {units: {int: [8, 16]}}
                """, 2, "dataset", "unknown built-in dataset 'digit'; did you mean 'digits'?");
        assertTrue(e.getMessage().contains("iris, digits, wine, breast-cancer"), e.getMessage());
    }

    @Test
    void missingCsvFile() {
        assertFailure("""
                study: t
                dataset:
                  csv:
                    label: last
                    path: data/nowhere.csv
                space: {units: {int: [8, 16]}}
                """, 5, "dataset.csv.path", "CSV file not found");
    }

    @Test
    void trialsZeroOrNegative() {
        assertFailure(HEAD + """
                search:
                  sampler: random
                  trials: 0
                space: {units: {int: [8, 16]}}
                """, 5, "search.trials", "must be at least 1, got 0");
        assertFailure(HEAD + """
                search: {trials: -3}
                space: {units: {int: [8, 16]}}
                """, 3, "search.trials", "must be at least 1, got -3");
    }

    @Test
    void unknownSampler() {
        assertFailure(HEAD + """
                search: {sampler: randm, trials: 5}
                space: {units: {int: [8, 16]}}
                """, 3, "search.sampler", "unknown sampler 'randm'; did you mean 'random'?");
    }

    @Test
    void badTimeoutText() {
        assertFailure(HEAD + """
                search:
                  timeout: 10 minutes
                space: {units: {int: [8, 16]}}
                """, 4, "search.timeout", "expected a duration such as 90s, 10m or 2h, got '10 minutes'");
    }

    @Test
    void badEarlyStoppingMonitor() {
        assertFailure(HEAD + """
                training:
                  epochs: 10
                  early_stopping: {monitor: val_acc, patience: 3}
                space: {units: {int: [8, 16]}}
                """, 5, "training.early_stopping.monitor", "unknown monitor 'val_acc'");
    }

    @Test
    void duplicateKey() {
        assertFailure(HEAD + """
                space:
                  units: {int: [8, 16]}
                  dropout: {uniform: [0.0, 0.5]}
                  units: {int: [16, 32]}
                """, 6, "space.units", "duplicate key 'units' (first at line 4)");
    }

    @Test
    void unsafeStudyName() {
        assertFailure("""
                study: ../elsewhere
                dataset: iris
                space: {units: {int: [8, 16]}}
                """, 1, "study", "must be a folder name");
    }

    @Test
    void missingSpace() {
        assertFailure(HEAD, 1, "space", "is required but missing");
    }

    @Test
    void maximizingALossIsRefused() {
        assertFailure(HEAD + """
                objective: {metric: val_loss, direction: maximize}
                space: {units: {int: [8, 16]}}
                """, 3, "objective.direction", "val_loss should be minimized, not maximized");
    }

    private SpecException assertFailure(String yaml, int line, String key, String fragment) {
        Path file = write("bad.yaml", yaml);
        SpecException e = assertThrows(SpecException.class, () -> StudyFile.load(file));
        String message = e.getMessage();
        assertEquals(line, e.line(), message);
        assertEquals(key, e.key(), message);
        String location = file + ":" + line + ": " + (key.isEmpty() ? "" : key + ": ");
        assertTrue(message.startsWith(location), "expected to start with " + location + " but was " + message);
        assertTrue(message.contains(fragment), "expected '" + fragment + "' in " + message);
        return e;
    }

    private Path write(String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Parameter parameter(StudyPlan plan, String name) {
        return plan.space().parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
