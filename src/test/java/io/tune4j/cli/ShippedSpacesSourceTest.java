package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.sampler.SamplingContext;
import io.tune4j.trainer.data.DatasetLoader;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.export.CompiledSources;
import io.tune4j.trainer.export.NetworkSource;
import io.tune4j.trainer.export.TrialExport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.junit.jupiter.api.Test;

/**
 * BestNetwork.java for the networks the shipped space files make (every one whose data ships with tune4j:
 * dense shorthand and layer stacks, classification and regression, tables with encoded columns and images),
 * three sampled trials each, compiled in one javac run: each rebuilds its network's JSON exactly.
 */
class ShippedSpacesSourceTest {
    private static final List<String> SPACES =
            List.of("iris-mlp", "digits-mlp", "digits-cnn", "diabetes", "cars-mpg", "weather");

    @Test
    void everyShippedSpacesNetworksAreRebuiltBySource() throws Exception {
        Map<String, String> json = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : SPACES) {
            StudyPlan plan = StudyFile.load(Path.of("spaces", name + ".yaml"));
            DatasetSplits data = DatasetLoader.load(plan.data());
            RandomSampler sampler = new RandomSampler(7);
            for (int n = 0; n < 3; n++) {
                Map<String, Object> params = sampler.suggest(new SamplingContext(plan.space(), plan.direction(), n,
                        List.of(), List.of()));
                String configuration = TrialExport.rebuiltJson(plan.network(), data, params, 100 + n);
                String className = name.replace("-", "_") + "_" + n;
                json.put(className, configuration);
                sources.put(className, NetworkSource.of(MultiLayerConfiguration.fromJson(configuration), className,
                        List.of(name + " " + params)));
            }
        }
        CompiledSources compiled = new CompiledSources(sources);
        for (Map.Entry<String, String> network : json.entrySet()) {
            assertEquals(network.getValue(), compiled.configuration(network.getKey()).toJson(),
                    network.getKey() + ":\n" + sources.get(network.getKey()));
        }
    }
}
