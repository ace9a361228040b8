package io.tune4j.trainer.spec;

import io.tune4j.search.spec.Declaration;
import io.tune4j.search.spec.DeclaredSpace;
import io.tune4j.trainer.data.DatasetSpec;
import io.tune4j.trainer.network.Hyperparameter;
import io.tune4j.trainer.training.Augmentation;

/**
 * Refuses augmentation params on a dataset that is not images: whether it is can be told from the
 * {@code dataset:} section alone, so the mistake is named at its line rather than failing every trial.
 */
public final class AugmentationSpaceCheck {
    private AugmentationSpaceCheck() {}

    public static void check(DeclaredSpace space, DatasetSpec dataset) {
        if (dataset.holdsImages()) return;
        for (Declaration declaration : space.declarations()) {
            String name = declaration.parameter().name();
            if (Augmentation.PARAMS.stream().map(Hyperparameter::key).anyMatch(name::equals)) {
                throw declaration.name().fail("'" + name + "' augments images, but this dataset is a table "
                        + "(images: mnist, fashion-mnist, digits or an images: folder)");
            }
        }
    }
}
