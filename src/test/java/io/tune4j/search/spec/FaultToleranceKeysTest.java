package io.tune4j.search.spec;

import static io.tune4j.search.spec.SpecDocumentTest.assertLocated;
import static io.tune4j.search.spec.SpecDocumentTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tune4j.search.study.FaultTolerance;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The crash-safety keys of {@code search:}: heartbeat, retries, max_failures. */
class FaultToleranceKeysTest {

    @Test
    void everyKeyIsRead() {
        FaultTolerance faults = FaultToleranceParser.parse(section("""
                search: {heartbeat: {interval: 5s, grace: 2m}, retries: 0, max_failures: 4}
                """));
        assertEquals(new FaultTolerance(Duration.ofSeconds(5), Duration.ofMinutes(2), 0, 4), faults);
        // The search section's own parser accepts them too.
        SearchSettingsParser.parse(section("search: {heartbeat: {grace: 90s}, retries: 1, max_failures: 2}\n"));
    }

    @Test
    void absentKeysKeepTheDefaults() {
        assertEquals(FaultTolerance.DEFAULTS, FaultToleranceParser.parse(Optional.empty()));
        assertEquals(FaultTolerance.DEFAULTS, FaultToleranceParser.parse(section("search: {trials: 3}\n")));
        assertEquals(new FaultTolerance(Duration.ofSeconds(10), Duration.ofSeconds(30), 2, 0),
                FaultToleranceParser.parse(section("search: {heartbeat: {grace: 30s}}\n")));
    }

    @Test
    void badValuesAreReportedAtTheirLine() {
        assertLocated(fails("""
                search:
                  heartbeat:
                    interval: 10
                """), 3, "search.heartbeat.interval", "expected a duration such as 10s, 2m or 1h, got '10'");
        assertLocated(fails("""
                search:
                  heartbeat:
                    interval: 30s
                    grace: 45s
                """), 4, "search.heartbeat.grace", "heartbeat grace must be at least twice the interval (60000 ms)");
        assertLocated(fails("""
                search:
                  heartbeat: {interval: 1m}
                """), 2, "search.heartbeat.interval", "at least twice the interval");
        assertLocated(fails("""
                search:
                  heartbeat:
                    grcae: 60s
                """), 3, "search.heartbeat.grcae", "unknown key 'grcae'; did you mean 'grace'?");
        assertLocated(fails("""
                search:
                  heartbeat: 10s
                """), 2, "search.heartbeat", "expected a mapping");
        assertLocated(fails("""
                search:
                  retries: -1
                """), 2, "search.retries", "must be at least 0");
        assertLocated(fails("""
                search:
                  max_failures: 0
                """), 2, "search.max_failures", "must be at least 1");
    }

    private static SpecException fails(String yaml) {
        return assertThrows(SpecException.class, () -> {
            SearchSettingsParser.parse(section(yaml));
            FaultToleranceParser.parse(section(yaml));
        });
    }

    private static Optional<SpecNode> section(String yaml) {
        return Optional.of(parse(yaml).mapping().entries().get(0).value());
    }
}
