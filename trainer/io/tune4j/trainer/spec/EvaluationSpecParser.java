package io.tune4j.trainer.spec;

import io.tune4j.search.spec.SpecMapping;
import io.tune4j.search.spec.SpecNode;
import io.tune4j.trainer.training.EvaluationSpec;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code evaluation: {kfold: K, repeats: N}}: K at least 2, N (default 1) at least 1. Without the section
 * a trial is judged on the validation part of the {@code split:}.
 */
public final class EvaluationSpecParser {
    private EvaluationSpecParser() {}

    public static EvaluationSpec parse(Optional<SpecNode> section) {
        if (section.isEmpty()) return EvaluationSpec.HOLDOUT;
        SpecMapping evaluation = section.get().mapping().allowOnly(List.of("kfold", "repeats"));
        int kfold = evaluation.require("kfold").integerAtLeast(2);
        int repeats = evaluation.get("repeats").map(node -> node.integerAtLeast(1)).orElse(1);
        return new EvaluationSpec(kfold, repeats);
    }
}
