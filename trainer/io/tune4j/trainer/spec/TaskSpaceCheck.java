package io.tune4j.trainer.spec;

import io.tune4j.search.spec.Declaration;
import io.tune4j.search.spec.DeclaredSpace;
import io.tune4j.trainer.data.Task;
import io.tune4j.trainer.network.Hyperparameter;

/**
 * Refuses a {@code loss} param on a classifier, whose loss is always cross-entropy: it would be sampled and then
 * refused by every trial, so the mistake is named at its line before anything runs.
 */
public final class TaskSpaceCheck {
    private TaskSpaceCheck() {}

    public static void check(DeclaredSpace space, Task task) {
        if (!task.classifies()) return;
        for (Declaration declaration : space.declarations()) {
            if (declaration.parameter().name().equals(Hyperparameter.LOSS.key())) {
                throw declaration.name().fail("a " + task.key() + " network's loss is cross-entropy; 'loss' "
                        + "(mse, mae, huber) applies to regression");
            }
        }
    }
}
