package io.tune4j.trainer.spec;

import io.tune4j.search.spec.DurationText;
import io.tune4j.search.spec.SpecException;
import io.tune4j.search.spec.SpecMapping;
import io.tune4j.search.spec.SpecNode;
import io.tune4j.trainer.data.Task;
import io.tune4j.trainer.training.ClassWeights;
import io.tune4j.trainer.training.EarlyStopping;
import io.tune4j.trainer.training.TaskMetrics;
import io.tune4j.trainer.training.TrainingSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code training: {epochs, early_stopping: {monitor, patience, min_delta}, class_weights, max_trial_time,
 * seed}}. Without the section a trial trains {@value #DEFAULT_EPOCHS} epochs; early stopping, class weights and the
 * time limit apply only when declared. The monitor must be a metric of the study's task. {@code seed} (which an
 * exported params.yaml carries) makes every trial train with that seed instead of its own.
 */
public final class TrainingSpecParser {
    public static final int DEFAULT_EPOCHS = 30;
    private static final String DEFAULT_MONITOR = "val_loss";
    private static final int DEFAULT_PATIENCE = 4;
    private static final String BALANCED = "balanced";

    private TrainingSpecParser() {}

    public static TrainingSpec parse(Optional<SpecNode> section, Task task) {
        if (section.isEmpty()) return new TrainingSpec(DEFAULT_EPOCHS, null);
        SpecMapping training = section.get().mapping()
                .allowOnly(List.of("epochs", "early_stopping", "class_weights", "max_trial_time", "seed"));
        int epochs = training.get("epochs").map(node -> node.integerAtLeast(1)).orElse(DEFAULT_EPOCHS);
        EarlyStopping earlyStopping = training.get("early_stopping").map(node -> earlyStopping(node, task)).orElse(null);
        Optional<ClassWeights> weights = training.get("class_weights").map(node -> classWeights(node, task));
        Duration limit = training.get("max_trial_time").map(TrainingSpecParser::duration).orElse(null);
        Long seed = training.get("seed").map(SpecNode::wholeNumber).orElse(null);
        return new TrainingSpec(epochs, earlyStopping, weights, limit, seed);
    }

    private static EarlyStopping earlyStopping(SpecNode node, Task task) {
        SpecMapping stopping = node.mapping().allowOnly(List.of("monitor", "patience", "min_delta"));
        String monitor = stopping.get("monitor").map(m -> m.oneOf("monitor", TaskMetrics.reported(task)))
                .orElse(DEFAULT_MONITOR);
        int patience = stopping.get("patience").map(p -> p.integerAtLeast(0)).orElse(DEFAULT_PATIENCE);
        double minDelta = stopping.get("min_delta").map(d -> d.numberAtLeast(0)).orElse(0.0);
        return new EarlyStopping(monitor, patience, minDelta);
    }

    private static ClassWeights classWeights(SpecNode node, Task task) {
        if (!task.classifies()) throw node.fail("class weights apply to classification, this study is a " + task.key());
        SpecException where = node.fail("");
        String origin = where.file() + ":" + where.line() + ": " + where.key();
        if (!node.isMapping()) {
            if (!node.text().equals(BALANCED)) {
                throw node.fail("expected balanced or a map of label: weight, got '" + node.text() + "'");
            }
            return ClassWeights.balanced(origin);
        }
        Map<String, Double> given = new LinkedHashMap<>();
        for (SpecMapping.Entry entry : node.mapping().entries()) {
            double weight = entry.value().number();
            if (!(weight > 0)) throw entry.value().fail("a class weight must be > 0, got " + weight);
            given.put(entry.name(), weight);
        }
        return new ClassWeights(false, given, origin);
    }

    private static Duration duration(SpecNode node) {
        String text = node.text();
        return DurationText.parse(text).orElseThrow(() ->
                node.fail("expected a duration such as 90s, 10m or 2h, got '" + text + "'"));
    }
}
