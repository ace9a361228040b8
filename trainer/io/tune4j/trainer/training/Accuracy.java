package io.tune4j.trainer.training;

import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;

/** Classification accuracy of a network on a dataset part, the number a study's val_accuracy records. */
public final class Accuracy {
    private Accuracy() {}

    public static double of(TrainableNetwork network, DataSet data) {
        Evaluation evaluation = new Evaluation((int) data.getLabels().size(1));
        evaluation.eval(data.getLabels(), network.output(data.getFeatures()));
        return evaluation.accuracy();
    }

    public static double of(Model network, DataSet data) {
        return of(TrainableNetwork.of(network), data);
    }

    /** The accuracy of a saved model ({@code model.zip} of an export, or a trial's kept model). */
    public static double ofSavedModel(Path modelZip, DataSet data) throws IOException {
        return of(SavedNetworks.load(modelZip), data);
    }
}
