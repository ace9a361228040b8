package io.tune4j.dashboard.report;

import java.util.List;

/**
 * How to take the study's best trial into use, as both the page and the summary tell it; {@code exports} is the
 * study's export folder as the user reaches it (results/&lt;study&gt; unless --results said otherwise).
 */
final class BundleUsage {
    private BundleUsage() {}

    static List<String> commands(String study, String exports) {
        return List.of(
                "./tune4j export " + study + " --top 3        # " + exports
                        + "/best-<rank>/: params.yaml, network.json, BestNetwork.java, model.zip",
                "./tune4j rerun " + study + " --trial N --seeds 5   # mean ± std of that trial over fresh seeds",
                "./tune4j run " + exports + "/best-1/params.yaml   # trains the best trial again, same value");
    }

    static List<String> java(String exports) {
        return List.of(
                "import java.io.File;",
                "import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;",
                "import org.deeplearning4j.util.ModelSerializer;",
                "",
                "MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(",
                "        new File(\"" + exports + "/best-1/model.zip\"));",
                "// a network from your own graph class: ModelSerializer.restoreComputationGraph(...)");
    }
}
