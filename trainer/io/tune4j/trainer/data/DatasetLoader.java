package io.tune4j.trainer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the dataset a study declares, cuts it into training, validation and test parts, and encodes and
 * standardizes them with a {@link Preprocessing} fitted on the training part.
 */
public final class DatasetLoader {
    private DatasetLoader() {}

    public static DatasetSplits load(DataConfig config) {
        Source source = read(config);
        List<LabeledTable> parts = parts(config, source);
        return splits(source, parts.get(0), parts.get(1), parts.get(2));
    }

    /**
     * The raw rows of the test part {@link #load} cuts, as CSV (a header of the feature columns, then the label):
     * what an exported bundle must score as the study recorded.
     */
    public static String testPartCsv(DataConfig config) {
        Source source = read(config);
        return RawCsv.of(parts(config, source).get(2));
    }

    private static List<LabeledTable> parts(DataConfig config, Source source) {
        List<LabeledTable> parts;
        if (source.test().isPresent()) {
            // The idx test files are the test part; validation is cut from the training files.
            List<LabeledTable> trainAndValidation =
                    StratifiedSplit.split(source.table(), source.name(), config.splitSeed(), config.validationFraction());
            parts = List.of(trainAndValidation.get(1), trainAndValidation.get(0), source.test().get());
        } else {
            List<LabeledTable> cut = StratifiedSplit.split(source.table(), source.name(), config.splitSeed(),
                    config.validationFraction(), config.testFraction());
            parts = List.of(cut.get(2), cut.get(0), cut.get(1));
        }
        return parts;
    }

    /** The parts each trial trains on: one split, or {@code kfold} × {@code repeats} folds when kfold is above 1. */
    public static List<DatasetSplits> loadFolds(DataConfig config, int kfold, int repeats) {
        return kfold > 1 ? folds(config, kfold, repeats) : List.of(load(config));
    }

    /**
     * k-fold evaluation, {@code repeats} times with different seeds: for each repeat and fold, the fold is the
     * validation part and the other folds the training part, each with its own preprocessing fitted on that
     * training part; the test part is held out once, as in {@link #load}, and is the same for every fold.
     */
    public static List<DatasetSplits> folds(DataConfig config, int k, int repeats) {
        if (k < 2) throw new IllegalArgumentException("kfold needs at least 2 folds, got " + k);
        if (repeats < 1) throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        Source source = read(config);
        // The test part is the one load() holds out (its training and validation parts pooled), so the test
        // figures of a k-fold study and its exported test.csv are about the same rows.
        List<LabeledTable> parts = parts(config, source);
        LabeledTable pool = StratifiedSplit.join(List.of(parts.get(0), parts.get(1)));
        LabeledTable test = parts.get(2);
        List<DatasetSplits> splits = new ArrayList<>();
        for (int repeat = 0; repeat < repeats; repeat++) {
            List<LabeledTable> folds = StratifiedSplit.folds(pool, source.name(), config.splitSeed() + repeat, k);
            for (int fold = 0; fold < k; fold++) {
                List<LabeledTable> others = new ArrayList<>(folds);
                LabeledTable validation = others.remove(fold);
                splits.add(splits(source, StratifiedSplit.join(others), validation, test));
            }
        }
        return splits;
    }

    /** The rows of a dataset, with its own test part when it has one (idx files). */
    private record Source(String name, LabeledTable table, Optional<LabeledTable> test, Task task) {}

    private static Source read(DataConfig config) {
        DatasetSpec spec = config.source();
        if (spec instanceof DatasetSpec.Idx idx) {
            IdxDataset files = new IdxDataset(idx);
            LabeledTable train = files.train();
            LabeledTable test = files.test();
            if (!train.image().equals(test.image())) {
                throw new DatasetException(idx.dir() + ": training images are " + train.image().orElseThrow()
                        + " but test images " + test.image().orElseThrow());
            }
            return new Source(idx.kind(), train, Optional.of(test), classes(config, idx.kind()));
        }
        if (spec instanceof DatasetSpec.BuiltIn builtIn) {
            return new Source(builtIn.name(), BuiltInDataset.named(builtIn.name()).read(), Optional.empty(),
                    classes(config, builtIn.name()));
        }
        if (spec instanceof DatasetSpec.Images images) {
            String name = images.dir().getFileName().toString();
            return new Source(name, new ImageFolderDataset(images).read(), Optional.empty(), classes(config, name));
        }
        DatasetSpec.Csv csv = (DatasetSpec.Csv) spec;
        LabeledTable table = new CsvDataset(csv).read(config.task());
        Task task = table.regression() ? Task.REGRESSION : config.task().orElse(Task.CLASSIFICATION);
        return new Source(csv.file().fileName(), table, Optional.empty(), task);
    }

    /** Datasets of classes only (built-in sets, images): a declared regression is refused, binary needs 2 classes. */
    private static Task classes(DataConfig config, String name) {
        Task task = config.task().orElse(Task.CLASSIFICATION);
        if (task == Task.REGRESSION) throw new DatasetException(name + ": holds classes, so task: regression cannot apply");
        return task;
    }

    private static DatasetSplits splits(Source source, LabeledTable train, LabeledTable validation, LabeledTable test) {
        if (source.task() == Task.BINARY && train.classNames().size() != 2) {
            throw new DatasetException(source.name() + ": task: binary needs 2 classes, found "
                    + train.classNames().size());
        }
        Preprocessing preprocessing = Preprocessing.fit(train, source.task());
        return new DatasetSplits(source.name(), preprocessing.apply(train), preprocessing.apply(validation),
                preprocessing.apply(test), train.classNames(), train.image(), source.task(), preprocessing.target(),
                Optional.of(preprocessing));
    }
}
