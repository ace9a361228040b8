package io.tune4j.trainer.data;

/**
 * A dataset and how to cut it: the validation and test fractions of a seeded shuffle (idx sets keep their
 * own test file and cut validation from the training file).
 */
public record DataConfig(DatasetSpec source, double validationFraction, double testFraction, long splitSeed) {
    public DataConfig {
        if (validationFraction <= 0 || testFraction < 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("split fractions need validation > 0, test >= 0 and validation + test < 1");
        }
    }
}
