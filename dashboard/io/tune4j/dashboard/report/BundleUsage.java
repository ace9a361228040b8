package io.tune4j.dashboard.report;

import java.util.List;

/** How to take the study's best trial into use, as both the page and the summary tell it. */
final class BundleUsage {
    private BundleUsage() {}

    static List<String> commands(String study) {
        return List.of(
                "./tune4j export " + study + " --top 3        # results/" + study
                        + "/best-<rank>/: params.yaml, network.json, BestNetwork.java, model.zip",
                "./tune4j rerun " + study + " --trial N --seeds 5   # mean ± std of that trial over fresh seeds",
                "./tune4j run results/" + study + "/best-1/params.yaml   # trains the best trial again, same value");
    }

    static List<String> java(String study) {
        return List.of(
                "import java.io.File;",
                "import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;",
                "import org.deeplearning4j.util.ModelSerializer;",
                "",
                "MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(",
                "        new File(\"results/" + study + "/best-1/model.zip\"));",
                "// a network from your own graph class: ModelSerializer.restoreComputationGraph(...)");
    }
}
