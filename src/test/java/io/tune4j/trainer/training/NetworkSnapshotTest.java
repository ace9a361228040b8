package io.tune4j.trainer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.tune4j.trainer.network.DenseShorthand;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class NetworkSnapshotTest {
    private static final DataSet DATA = new DataSet(Nd4j.rand(12, 4), Nd4j.eye(3).repeat(0, 4));

    @Test
    void restoringGivesBackWeightsUpdaterStateAndCounts() {
        MultiLayerNetwork network = trained("adam", 2);
        INDArray weights = network.params().dup();
        INDArray moments = network.getUpdater().getStateViewArray().dup();
        NetworkSnapshot snapshot = NetworkSnapshot.of(TrainableNetwork.of(network));

        trainEpochs(network, 3);
        assertNotEquals(weights, network.params());
        assertNotEquals(moments, network.getUpdater().getStateViewArray());

        snapshot.restoreInto(TrainableNetwork.of(network));
        assertEquals(weights, network.params());
        assertEquals(moments, network.getUpdater().getStateViewArray());
        assertEquals(2, network.getEpochCount());
        assertEquals(2, network.getIterationCount());
    }

    @Test
    void anUpdaterWithoutStateIsRestoredToo() {
        MultiLayerNetwork network = trained("sgd", 1);
        INDArray weights = network.params().dup();
        NetworkSnapshot snapshot = NetworkSnapshot.of(TrainableNetwork.of(network));
        trainEpochs(network, 1);
        snapshot.restoreInto(TrainableNetwork.of(network));
        assertEquals(weights, network.params());
        assertEquals(1, network.getEpochCount());
    }

    private static MultiLayerNetwork trained(String optimizer, int epochs) {
        MultiLayerNetwork network = new MultiLayerNetwork(
                DenseShorthand.configuration(Map.of("optimizer", optimizer, "learning_rate", 0.1, "units", 8), 4, 3, 5));
        network.init();
        trainEpochs(network, epochs);
        return network;
    }

    /** One batch an epoch, counted as the objective counts them. */
    private static void trainEpochs(MultiLayerNetwork network, int epochs) {
        for (int i = 0; i < epochs; i++) {
            network.fit(DATA);
            network.incrementEpochCount();
        }
    }
}
