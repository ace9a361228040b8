package io.tune4j.bench;

import io.tune4j.trainer.data.DataConfig;
import io.tune4j.trainer.data.DatasetLoader;
import io.tune4j.trainer.data.DatasetSpec;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.data.ImageShape;
import java.util.Locale;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Which preprocessing trains networks on images better: the loader's per-channel standardization (one mean and
 * deviation for all pixels) or per-pixel standardization (each pixel its own, what tables get). Trains the same
 * small CNN and MLP on the built-in 8x8 digits both ways, over several split seeds, and prints the best
 * validation accuracy and the test accuracy at that epoch. Prints figures; asserts nothing.
 *
 * <pre>OMP_NUM_THREADS=1 java -cp target/test-classes:target/classes:$(cat target/classpath.txt) \
 *     io.tune4j.bench.ImagePreprocessingBenchmark 5 30</pre>
 */
public final class ImagePreprocessingBenchmark {
    private ImagePreprocessingBenchmark() {}

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        System.out.println("network,preprocessing,seed,best_val_accuracy,test_accuracy,max_abs_test_value");
        for (int seed = 1; seed <= seeds; seed++) {
            DatasetSplits perChannel = DatasetLoader.load(new DataConfig(new DatasetSpec.BuiltIn("digits"), 0.2, 0.2, seed));
            DatasetSplits perPixel = perPixel(perChannel);
            for (String network : new String[] {"cnn", "mlp"}) {
                report(network, "per-channel", seed, perChannel, epochs);
                report(network, "per-pixel", seed, perPixel, epochs);
            }
        }
    }

    private static void report(String network, String preprocessing, int seed, DatasetSplits data, int epochs) {
        MultiLayerNetwork net = new MultiLayerNetwork(network.equals("cnn")
                ? cnn(data.image().orElseThrow(), data.classes(), seed) : mlp(data.inputs(), data.classes(), seed));
        net.init();
        double bestValidation = -1;
        double testAtBest = 0;
        ListDataSetIterator<DataSet> batches = new ListDataSetIterator<>(data.train().asList(), 32);
        for (int epoch = 0; epoch < epochs; epoch++) {
            net.fit(batches);
            double validation = accuracy(net, data.validation());
            if (validation > bestValidation) {
                bestValidation = validation;
                testAtBest = accuracy(net, data.test());
            }
        }
        double maxAbs = data.test().getFeatures().amaxNumber().doubleValue();
        System.out.printf(Locale.ROOT, "%s,%s,%d,%.4f,%.4f,%.1f%n", network, preprocessing, seed, bestValidation,
                testAtBest, maxAbs);
        net.close();
    }

    private static double accuracy(MultiLayerNetwork net, DataSet part) {
        Evaluation evaluation = new Evaluation();
        evaluation.eval(part.getLabels(), net.output(part.getFeatures(), false));
        return evaluation.accuracy();
    }

    /** Per-column statistics of the training part applied to every part (constant columns left at 0). */
    private static DatasetSplits perPixel(DatasetSplits data) {
        INDArray mean = data.train().getFeatures().mean(0);
        INDArray std = data.train().getFeatures().std(false, 0);
        for (int c = 0; c < std.length(); c++) if (std.getDouble(c) < 1e-6) std.putScalar(c, 1.0);
        return new DatasetSplits(data.name(), standardize(data.train(), mean, std),
                standardize(data.validation(), mean, std), standardize(data.test(), mean, std), data.classNames(),
                data.image());
    }

    private static DataSet standardize(DataSet part, INDArray mean, INDArray std) {
        return new DataSet(part.getFeatures().subRowVector(mean).divRowVector(std), part.getLabels());
    }

    private static MultiLayerConfiguration cnn(ImageShape shape, int classes, long seed) {
        return new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(1e-3)).weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(InputType.convolutionalFlat(shape.height(), shape.width(), shape.channels()))
                .build();
    }

    private static MultiLayerConfiguration mlp(int inputs, int classes, long seed) {
        return new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(1e-3)).weightInit(WeightInit.RELU)
                .list()
                .layer(new DenseLayer.Builder().nIn(inputs).nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .build();
    }
}
