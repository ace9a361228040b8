package io.tune4j.trainer.network;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Huber loss with delta 1: squared error below one unit of error, absolute error beyond it, so outliers pull
 * less than under MSE. ND4J 1.0.0-M2.1 has no Huber {@link ILossFunction} (only SameDiff's {@code huberLoss},
 * which a layer cannot use), hence this class. Delta is fixed at 1 because the regression target is
 * standardized: it is one standard deviation of the training target. Per example, the mean over outputs, as
 * ND4J's LossMSE and LossMAE.
 */
public final class HuberLoss implements ILossFunction {
    private static final double DELTA = 1.0;

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        INDArray error = Transforms.abs(activation.getActivation(preOutput.dup(), true).subi(labels), false);
        INDArray quadratic = Transforms.min(error, DELTA, true);
        // 0.5 q^2 + delta (|e| - q): the square inside delta, linear beyond it, continuous at delta.
        INDArray score = quadratic.mul(quadratic).muli(0.5).addi(error.subi(quadratic).muli(DELTA));
        if (mask != null) LossUtil.applyMask(score, mask);
        return score.mean(1).reshape(score.size(0), 1);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask,
                               boolean average) {
        double sum = computeScoreArray(labels, preOutput, activation, mask).sumNumber().doubleValue();
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        INDArray output = activation.getActivation(preOutput.dup(), true);
        // d/d(output): the error itself inside delta, +-delta beyond it; averaged over outputs like the score.
        INDArray dLdOutput = Transforms.max(Transforms.min(output.subi(labels), DELTA, false), -DELTA, false)
                .divi(labels.size(1));
        if (mask != null) LossUtil.applyMask(dLdOutput, mask);
        INDArray gradient = activation.backprop(preOutput.dup(), dLdOutput).getFirst();
        if (mask != null) LossUtil.applyMask(gradient, mask);
        return gradient;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activation,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activation, mask, average),
                computeGradient(labels, preOutput, activation, mask));
    }

    @Override
    public String name() {
        return "huber";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HuberLoss;
    }

    @Override
    public int hashCode() {
        return HuberLoss.class.hashCode();
    }

    @Override
    public String toString() {
        return "HuberLoss(delta=" + DELTA + ")";
    }
}
