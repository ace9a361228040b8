package io.tune4j.trainer.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.spec.SpecDocument;
import io.tune4j.trainer.data.Task;
import io.tune4j.trainer.spec.NetworkSectionParser;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/** The output layer follows the task: softmax and cross-entropy for classes, one linear unit and the chosen loss for regression. */
class OutputLayersTest {

    @Test
    void theDenseShorthandOutputsWhatTheTaskNeeds() {
        OutputLayer classifier = output(DenseShorthand.configuration(Map.of(), 4, 3, 1, Task.CLASSIFICATION));
        assertInstanceOf(ActivationSoftmax.class, classifier.getActivationFn());
        assertInstanceOf(LossMCXENT.class, classifier.getLossFn());
        assertEquals(3, classifier.getNOut());

        OutputLayer regression = output(DenseShorthand.configuration(Map.of(), 4, 1, 1, Task.REGRESSION));
        assertInstanceOf(ActivationIdentity.class, regression.getActivationFn());
        assertInstanceOf(LossMSE.class, regression.getLossFn(), "mse is the default loss");
        assertEquals(1, regression.getNOut());
        assertInstanceOf(LossMAE.class, output(DenseShorthand.configuration(Map.of("loss", "mae"), 4, 1, 1,
                Task.REGRESSION)).getLossFn());
        assertInstanceOf(HuberLoss.class, output(DenseShorthand.configuration(Map.of("loss", "huber"), 4, 1, 1,
                Task.REGRESSION)).getLossFn());
    }

    @Test
    void aLossOnAClassifierOrAnUnknownLossIsRefused() {
        IllegalArgumentException onClassifier = assertThrows(IllegalArgumentException.class,
                () -> DenseShorthand.configuration(Map.of("loss", "mae"), 4, 2, 1, Task.BINARY));
        assertTrue(onClassifier.getMessage().contains("loss applies to regression"), onClassifier.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> DenseShorthand.configuration(Map.of("loss", "hinge"), 4, 1, 1, Task.REGRESSION));
        assertTrue(unknown.getMessage().contains("known: mse, mae, huber"), unknown.getMessage());
    }

    /** The space's loss reaches a layer stack's output; the output block's own activation and loss win over the space's. */
    @Test
    void anOutputBlockTakesTheSpacesLossAndItsOwnActivation() {
        OutputLayer fromSpace = output(stack("network:\n  - dense: {units: 4}\n", Map.of("loss", "huber",
                "activation", "TANH")));
        assertInstanceOf(HuberLoss.class, fromSpace.getLossFn());
        assertInstanceOf(ActivationIdentity.class, fromSpace.getActivationFn(), "the space's hidden activation "
                + "is not the output's");
        OutputLayer own = output(stack("network:\n  - dense: {units: 4}\n  - output: {activation: SIGMOID, loss: mae}\n",
                Map.of("loss", "huber")));
        assertInstanceOf(LossMAE.class, own.getLossFn());
        assertInstanceOf(ActivationSigmoid.class, own.getActivationFn());
    }

    /** Values worked by hand: errors 0.5, 2 and -3 with delta 1 cost 0.125, 1.5 and 2.5, with slopes 0.5, 1 and -1. */
    @Test
    void huberIsSquaredInsideOneUnitAndLinearBeyond() {
        INDArray labels = Nd4j.zeros(3, 1);
        INDArray predictions = Nd4j.create(new double[][] {{0.5}, {2}, {-3}});
        HuberLoss huber = new HuberLoss();
        assertArrayEquals(new double[] {0.125, 1.5, 2.5},
                huber.computeScoreArray(labels, predictions, new ActivationIdentity(), null).toDoubleVector(), 1e-6);
        assertEquals(4.125 / 3, huber.computeScore(labels, predictions, new ActivationIdentity(), null, true), 1e-6);
        assertArrayEquals(new double[] {0.5, 1, -1},
                huber.computeGradient(labels, predictions, new ActivationIdentity(), null).toDoubleVector(), 1e-6);
        MultiLayerConfiguration conf = DenseShorthand.configuration(Map.of("loss", "huber"), 4, 1, 1, Task.REGRESSION);
        assertInstanceOf(HuberLoss.class, output(MultiLayerConfiguration.fromJson(conf.toJson())).getLossFn(),
                "a saved model keeps its loss");
    }

    private static MultiLayerConfiguration stack(String yaml, Map<String, Object> params) {
        BuiltNetwork built = NetworkSectionParser.parse(SpecDocument.parse("test.yaml", yaml).mapping().get("network"),
                false).definition().build(params, new NetworkContext(InputType.feedForward(3), 1, 1, Task.REGRESSION));
        return ((BuiltNetwork.Layers) built).configuration();
    }

    private static OutputLayer output(MultiLayerConfiguration conf) {
        return (OutputLayer) conf.getConf(conf.getConfs().size() - 1).getLayer();
    }
}
