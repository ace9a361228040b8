package io.tune4j.trainer.spec;

import io.tune4j.search.spec.SpecMapping;
import io.tune4j.search.spec.SpecNode;
import io.tune4j.trainer.training.EarlyStopping;
import io.tune4j.trainer.training.TrainingSpec;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code training: {epochs, early_stopping: {monitor, patience, min_delta}, seed}}. Without the section a trial
 * trains {@value #DEFAULT_EPOCHS} epochs; early stopping applies only when declared; {@code seed} (which an
 * exported params.yaml carries) makes every trial train with that seed instead of its own.
 */
public final class TrainingSpecParser {
    public static final int DEFAULT_EPOCHS = 30;
    private static final String DEFAULT_MONITOR = "val_loss";
    private static final int DEFAULT_PATIENCE = 4;

    private TrainingSpecParser() {}

    public static TrainingSpec parse(Optional<SpecNode> section) {
        if (section.isEmpty()) return new TrainingSpec(DEFAULT_EPOCHS, null);
        SpecMapping training = section.get().mapping().allowOnly(List.of("epochs", "early_stopping", "seed"));
        int epochs = training.get("epochs").map(node -> node.integerAtLeast(1)).orElse(DEFAULT_EPOCHS);
        EarlyStopping earlyStopping = training.get("early_stopping").map(TrainingSpecParser::earlyStopping).orElse(null);
        Long seed = training.get("seed").map(SpecNode::wholeNumber).orElse(null);
        return new TrainingSpec(epochs, earlyStopping, seed);
    }

    private static EarlyStopping earlyStopping(SpecNode node) {
        SpecMapping stopping = node.mapping().allowOnly(List.of("monitor", "patience", "min_delta"));
        String monitor = stopping.get("monitor").map(m -> m.oneOf("monitor", EarlyStopping.METRICS))
                .orElse(DEFAULT_MONITOR);
        int patience = stopping.get("patience").map(p -> p.integerAtLeast(0)).orElse(DEFAULT_PATIENCE);
        double minDelta = stopping.get("min_delta").map(d -> d.numberAtLeast(0)).orElse(0.0);
        return new EarlyStopping(monitor, patience, minDelta);
    }
}
