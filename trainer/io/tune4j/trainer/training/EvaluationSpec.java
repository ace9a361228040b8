package io.tune4j.trainer.training;

/**
 * How a trial's network is judged: on the one validation part ({@link #HOLDOUT}), or by k-fold cross-validation
 * ({@code evaluation: {kfold: K, repeats: N}}): K networks per repeat, each validated on its own fold, the
 * folds drawn anew (another seed) for each of the N repeats.
 */
public record EvaluationSpec(int kfold, int repeats) {
    public static final EvaluationSpec HOLDOUT = new EvaluationSpec(1, 1);

    public EvaluationSpec {
        if (kfold < 1) throw new IllegalArgumentException("kfold must be >= 2, got " + kfold);
        if (repeats < 1) throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        if (kfold == 1 && repeats > 1) throw new IllegalArgumentException("repeats need kfold");
    }

    public boolean crossValidates() {
        return kfold > 1;
    }

    /** How many networks each trial trains. */
    public int networks() {
        return kfold * repeats;
    }
}
