package io.tune4j.trainer.data;

import java.util.Optional;

/**
 * A dataset and how to cut it: the validation and test fractions of a seeded shuffle (idx sets keep their
 * own test file and cut validation from the training file), and the task when the study declares one (or a
 * built-in table is known for one); without, a table's label is classes unless it looks continuous.
 */
public record DataConfig(DatasetSpec source, double validationFraction, double testFraction, long splitSeed,
                         Optional<Task> task) {
    public DataConfig {
        if (validationFraction <= 0 || testFraction < 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("split fractions need validation > 0, test >= 0 and validation + test < 1");
        }
    }

    /** A classification dataset, or one whose task is decided by its labels. */
    public DataConfig(DatasetSpec source, double validationFraction, double testFraction, long splitSeed) {
        this(source, validationFraction, testFraction, splitSeed, Optional.empty());
    }

    /** The task the study trains for before the data is read: declared, or classification. */
    public Task declaredTask() {
        return task.orElse(Task.CLASSIFICATION);
    }
}
