package io.tune4j.trainer.training;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything that training changes in a network, as it was at the end of one epoch: the weights, the
 * updater's state (Adam's moment estimates, Nesterov's velocity) and the iteration and epoch counts that
 * learning-rate schedules read. Restoring only the weights would save a model whose updater state and
 * schedule belong to a later epoch, so training it further would not continue from the best epoch.
 */
final class NetworkSnapshot {
    private final INDArray params;
    /** Null for updaters that keep no state (plain SGD). */
    private final INDArray updaterState;
    private final int iterations;
    private final int epochs;

    private NetworkSnapshot(INDArray params, INDArray updaterState, int iterations, int epochs) {
        this.params = params;
        this.updaterState = updaterState;
        this.iterations = iterations;
        this.epochs = epochs;
    }

    static NetworkSnapshot of(TrainableNetwork network) {
        INDArray state = network.updaterState();
        return new NetworkSnapshot(network.model().params().dup(), state == null ? null : state.dup(),
                network.iterationCount(), network.epochCount());
    }

    void restoreInto(TrainableNetwork network) {
        network.model().setParams(params);
        // assign, not replace: the layers' updaters read their state through views of this array.
        if (updaterState != null) network.updaterState().assign(updaterState);
        network.setCounts(iterations, epochs);
    }

    /** Frees the copies (restoreInto copies out of them, so a restored network does not need them). */
    void close() {
        params.close();
        if (updaterState != null) updaterState.close();
    }
}
