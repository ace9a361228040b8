package io.tune4j.search.spec;

import io.tune4j.search.study.Direction;
import java.util.List;
import java.util.Optional;

/** Reads {@code objective: {metric: ..., direction: ...}}; both keys optional. */
public final class ObjectiveParser {
    private static final List<String> DIRECTIONS = List.of("minimize", "maximize");

    private ObjectiveParser() {}

    /** {@code knownMetrics} are the metrics the trainer reports; the default metric is used when none is given. */
    public static ObjectiveSpec parse(Optional<SpecNode> section, List<String> knownMetrics, String defaultMetric) {
        if (section.isEmpty()) return new ObjectiveSpec(defaultMetric, ObjectiveSpec.naturalDirection(defaultMetric));
        SpecMapping objective = section.get().mapping().allowOnly(List.of("metric", "direction"));
        String metric = objective.get("metric").map(node -> node.oneOf("metric", knownMetrics)).orElse(defaultMetric);
        Direction natural = ObjectiveSpec.naturalDirection(metric);
        Optional<SpecNode> directionNode = objective.get("direction");
        if (directionNode.isEmpty()) return new ObjectiveSpec(metric, natural);
        Direction direction = Direction.parse(directionNode.get().oneOf("direction", DIRECTIONS));
        // Maximizing a loss searches for the worst network: surely a slip, and an expensive one to discover late.
        if (direction != natural) {
            throw directionNode.get().fail(metric + " should be " + natural.name().toLowerCase()
                    + "d, not " + direction.name().toLowerCase() + "d");
        }
        return new ObjectiveSpec(metric, direction);
    }
}
