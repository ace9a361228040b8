package io.tune4j.trainer.spec;

import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.sampler.SamplingContext;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.spec.SpecNode;
import io.tune4j.search.study.Direction;
import io.tune4j.trainer.data.ImageShape;
import io.tune4j.trainer.network.NetworkContext;
import io.tune4j.trainer.network.NetworkDefinition;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * Refuses, before anything runs, a layer stack that no point of its space can build for the dataset's images (a
 * fixed 5x5 kernel after two poolings of 8x8 digits): every trial of such a study would fail. A stack that only some
 * points break is left to the check before each trial, which fails those trials in milliseconds.
 */
final class ShapeFeasibility {
    /** Enough random points to find a working network when a sizeable part of the space has one. */
    private static final int PROBES = 32;

    private ShapeFeasibility() {}

    static void check(NetworkDefinition network, SearchSpace space, ImageShape image, SpecNode networkNode) {
        InputType input = InputType.convolutionalFlat(image.height(), image.width(), image.channels());
        RandomSampler sampler = new RandomSampler(0);
        String firstProblem = null;
        for (int probe = 0; probe < PROBES; probe++) {
            Map<String, Object> params = sampler.suggest(new SamplingContext(space, Direction.MAXIMIZE, probe, List.of(),
                    List.of()));
            try {
                network.build(params, new NetworkContext(input, 2, probe)).checkShapes(input);
                return;
            } catch (RuntimeException e) {
                if (firstProblem == null) firstProblem = e.getMessage();
            }
        }
        throw networkNode.fail("no network of this section can be built for " + image + " images (" + PROBES
                + " sampled settings tried), e.g.: " + firstProblem);
    }
}
