package io.tune4j.trainer.data;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads the dataset a study declares and cuts it into standardized training, validation and test parts
 * (see {@link Standardizer} for tables against images).
 */
public final class DatasetLoader {
    private DatasetLoader() {}

    public static DatasetSplits load(DataConfig config) {
        DatasetSpec source = config.source();
        List<LabeledTable> parts;
        String name;
        if (source instanceof DatasetSpec.Idx idx) {
            IdxDataset files = new IdxDataset(idx);
            LabeledTable train = files.train();
            LabeledTable test = files.test();
            if (!train.image().equals(test.image())) {
                throw new DatasetException(idx.dir() + ": training images are " + train.image().orElseThrow()
                        + " but test images " + test.image().orElseThrow());
            }
            // The idx test files are the test part; validation is cut from the training files.
            List<LabeledTable> trainAndValidation =
                    StratifiedSplit.split(train, config.splitSeed(), config.validationFraction());
            parts = List.of(trainAndValidation.get(1), trainAndValidation.get(0), test);
            name = idx.kind();
        } else {
            LabeledTable table;
            if (source instanceof DatasetSpec.BuiltIn builtIn) {
                table = BuiltInDataset.named(builtIn.name()).read();
                name = builtIn.name();
            } else if (source instanceof DatasetSpec.Images images) {
                table = new ImageFolderDataset(images).read();
                name = images.dir().getFileName().toString();
            } else {
                DatasetSpec.Csv csv = (DatasetSpec.Csv) source;
                table = new CsvDataset(csv).read();
                name = csv.path().getFileName().toString();
            }
            List<LabeledTable> cut = StratifiedSplit.split(table, config.splitSeed(), config.validationFraction(),
                    config.testFraction());
            parts = List.of(cut.get(2), cut.get(0), cut.get(1));
        }
        Standardizer standardizer = Standardizer.fit(parts.get(0));
        int columns = parts.get(0).features()[0].length;
        return new DatasetSplits(name, toDataSet(standardizer.apply(parts.get(0)), columns),
                toDataSet(standardizer.apply(parts.get(1)), columns),
                toDataSet(standardizer.apply(parts.get(2)), columns), parts.get(0).classNames(), parts.get(0).image());
    }

    private static DataSet toDataSet(LabeledTable table, int columns) {
        int classes = table.classNames().size();
        if (table.rows() == 0) { // a study may declare test: 0
            return new DataSet(Nd4j.create(DataType.FLOAT, 0, columns), Nd4j.create(DataType.FLOAT, 0, classes));
        }
        float[][] oneHot = new float[table.rows()][classes];
        for (int r = 0; r < table.rows(); r++) oneHot[r][table.labels()[r]] = 1f;
        return new DataSet(Nd4j.create(table.features()), Nd4j.create(oneHot));
    }
}
