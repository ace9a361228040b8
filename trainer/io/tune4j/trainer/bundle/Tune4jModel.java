package io.tune4j.trainer.bundle;

import io.tune4j.trainer.data.DatasetException;
import io.tune4j.trainer.data.Preprocessing;
import io.tune4j.trainer.data.Task;
import io.tune4j.trainer.training.ModelBundle;
import io.tune4j.trainer.training.SavedNetworks;
import io.tune4j.trainer.training.TrainableNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * A trained model that predicts on raw rows: {@code Tune4jModel.load(Path.of("results/iris-mlp/best-1"))} (a
 * bundle folder or its {@code model.zip}), then {@code predict(row)} with the row's cells as in the training file
 * (text and gaps included), in the order of {@link #featureNames()}. Everything the training part taught the
 * preprocessing comes out of the bundle, so nothing else is needed.
 */
public final class Tune4jModel implements AutoCloseable {
    private final TrainableNetwork network;
    private final Preprocessing preprocessing;

    private Tune4jModel(TrainableNetwork network, Preprocessing preprocessing) {
        this.network = network;
        this.preprocessing = preprocessing;
    }

    public static Tune4jModel load(Path bundle) throws IOException {
        Path file = Files.isDirectory(bundle) ? bundle.resolve("model.zip") : bundle;
        if (!Files.isRegularFile(file)) throw new DatasetException("no model bundle at " + bundle + " (no model.zip)");
        Map<String, Object> description = ModelBundle.description(file).orElseThrow(() -> new DatasetException(file
                + " has no " + ModelBundle.ENTRY + ": a model saved before bundles carried their preprocessing; export"
                + " it again from a study run with this version"));
        NormalizerStandardize normalizer = ModelSerializer.restoreNormalizerFromFile(file.toFile());
        return new Tune4jModel(TrainableNetwork.of(SavedNetworks.load(file)), Preprocessing.described(description, normalizer));
    }

    /** The raw columns a row holds, in order; empty when the model takes unnamed numbers (images, built-in sets). */
    public List<String> featureNames() {
        return preprocessing.featureNames();
    }

    /** How many cells a row has. */
    public int rowWidth() {
        return preprocessing.rawWidth();
    }

    /** The label column's name in the training file. */
    public String labelName() {
        return preprocessing.labelName();
    }

    public Task task() {
        return preprocessing.task();
    }

    public List<String> classNames() {
        return preprocessing.classNames();
    }

    public Prediction predict(String... cells) {
        return predict(List.<String[]>of(cells)).get(0);
    }

    /** A row given by column name (extra columns, the label among them, are ignored). */
    public Prediction predict(Map<String, String> row) {
        String[] cells = new String[featureNames().size()];
        for (int c = 0; c < cells.length; c++) {
            String name = featureNames().get(c);
            if (!row.containsKey(name)) throw new DatasetException("the row has no column '" + name + "'");
            cells[c] = row.get(name);
        }
        return predict(cells);
    }

    public List<Prediction> predict(List<String[]> rows) {
        if (rows.isEmpty()) return List.of();
        INDArray output = network.output(preprocessing.inputs(rows));
        List<Prediction> predictions = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) predictions.add(prediction(output.getRow(r)));
        return predictions;
    }

    /** The network's raw outputs for raw rows: class probabilities, or the regression value in its own units. */
    public INDArray output(List<String[]> rows) {
        INDArray output = network.output(preprocessing.inputs(rows));
        return task().classifies() ? output : preprocessing.target().original(output);
    }

    private Prediction prediction(INDArray output) {
        if (!task().classifies()) {
            double value = preprocessing.target().original(output).getDouble(0);
            return new Prediction(String.valueOf(value), value, Map.of());
        }
        Map<String, Double> probabilities = new LinkedHashMap<>();
        int best = 0;
        for (int c = 0; c < classNames().size(); c++) {
            probabilities.put(classNames().get(c), output.getDouble(c));
            if (output.getDouble(c) > output.getDouble(best)) best = c;
        }
        return new Prediction(classNames().get(best), Double.NaN, probabilities);
    }

    @Override
    public void close() {
        network.close();
    }
}
