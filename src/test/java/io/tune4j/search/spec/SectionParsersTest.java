package io.tune4j.search.spec;

import static io.tune4j.search.spec.SpecDocumentTest.assertLocated;
import static io.tune4j.search.spec.SpecDocumentTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tune4j.search.study.Direction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code search:} and {@code objective:} sections. */
class SectionParsersTest {
    private static final List<String> METRICS = List.of("val_loss", "val_accuracy", "train_loss");

    /** The one place directions are decided: losses and errors down, scores up, whatever the part's prefix. */
    @Test
    void everyMetricHasItsNaturalDirection() {
        for (String metric : List.of("val_loss", "train_rmse", "val_mae", "test_rmse", "val_error")) {
            assertEquals(Direction.MINIMIZE, ObjectiveSpec.naturalDirection(metric), metric);
        }
        for (String metric : List.of("val_accuracy", "val_f1", "train_precision", "val_recall", "val_auc", "val_r2")) {
            assertEquals(Direction.MAXIMIZE, ObjectiveSpec.naturalDirection(metric), metric);
        }
    }

    @Test
    void searchSettingsReadEveryKey() {
        SearchSettings settings = SearchSettingsParser.parse(section("""
                search: {sampler: grid, trials: 12, seed: 12345678901, timeout: 90s, resolution: 3}
                """));
        assertEquals(new SearchSettings("grid", 12, 12345678901L, Duration.ofSeconds(90), 3), settings);
        assertEquals(50, settings.withTrials(50).trials());
        assertEquals("grid", settings.withTrials(50).sampler());
    }

    @Test
    void searchSettingsDefaultWhenAbsent() {
        assertEquals(new SearchSettings("tpe", 20, 42, null, 5), SearchSettingsParser.parse(Optional.empty()));
        assertEquals(SearchSettingsParser.DEFAULTS, SearchSettingsParser.parse(section("search: {}\n")));
    }

    @Test
    void searchSettingsRefuseBadValuesAtTheirLine() {
        assertLocated(assertThrows(SpecException.class, () -> SearchSettingsParser.parse(section("""
                search:
                  sampler: grid
                  resolution: 1
                """))), 3, "search.resolution", "must be at least 2");
        assertLocated(assertThrows(SpecException.class, () -> SearchSettingsParser.parse(section("""
                search:
                  timeout: 600
                """))), 2, "search.timeout", "expected a duration");
        assertLocated(assertThrows(SpecException.class, () -> SearchSettingsParser.parse(section("""
                search:
                  paralel: 2
                """))), 2, "search.paralel", "unknown key 'paralel'; did you mean 'parallel'?");
    }

    @Test
    void durationsNeedAUnit() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), DurationText.parse("90s"));
        assertEquals(Optional.of(Duration.ofMinutes(10)), DurationText.parse("10m"));
        assertEquals(Optional.of(Duration.ofHours(2)), DurationText.parse("2h"));
        assertEquals(Optional.empty(), DurationText.parse("600"));
        assertEquals(Optional.empty(), DurationText.parse("0s"));
        assertEquals(Optional.empty(), DurationText.parse("1.5h"));
        assertEquals(Optional.empty(), DurationText.parse("10 minutes"));
    }

    @Test
    void objectiveDirectionFollowsTheMetric() {
        assertEquals(new ObjectiveSpec("val_accuracy", Direction.MAXIMIZE), objective(Optional.empty()));
        assertEquals(new ObjectiveSpec("train_loss", Direction.MINIMIZE),
                objective(section("objective: {metric: train_loss}\n")));
        assertEquals(new ObjectiveSpec("val_loss", Direction.MINIMIZE),
                objective(section("objective: {metric: val_loss, direction: minimize}\n")));
    }

    @Test
    void objectiveRefusesUnknownMetricsAndContraryDirections() {
        assertLocated(assertThrows(SpecException.class, () -> objective(section("""
                objective:
                  metric: val_acuracy
                """))), 2, "objective.metric", "did you mean 'val_accuracy'?");
        assertLocated(assertThrows(SpecException.class, () -> objective(section("""
                objective: {direction: minimize}
                """))), 1, "objective.direction", "val_accuracy should be maximized, not minimized");
        assertLocated(assertThrows(SpecException.class, () -> objective(section("""
                objective: {direction: up}
                """))), 1, "objective.direction", "unknown direction 'up'");
    }

    private static ObjectiveSpec objective(Optional<SpecNode> section) {
        return ObjectiveParser.parse(section, METRICS, "val_accuracy");
    }

    private static Optional<SpecNode> section(String yaml) {
        SpecMapping root = parse(yaml).mapping();
        return Optional.of(root.entries().get(0).value());
    }
}
