package io.tune4j.dashboard.report;

import java.util.List;

/**
 * How to take the study's best trial into use, as both the page and the summary tell it; {@code exports} is the
 * study's export folder as the user reaches it (results/&lt;study&gt; unless --results said otherwise).
 */
final class BundleUsage {
    private BundleUsage() {}

    static List<String> commands(String study, String exports) {
        String best = exports + "/best-1";
        return List.of(
                "./tune4j export " + study + " --top 3        # " + exports
                        + "/best-<rank>/: the model bundle, params.yaml, network.json, BestNetwork.java",
                "./tune4j predict " + best + " rows.csv --out predictions.csv   # raw rows in, labels out",
                "./tune4j evaluate " + best + " labelled.csv                   # metrics on your own rows",
                "./tune4j rerun " + study + " --trial N --seeds 5   # mean ± std of that trial over fresh seeds",
                "./tune4j run " + best + "/params.yaml   # trains the best trial again, same value");
    }

    static List<String> java(String exports) {
        return List.of(
                "import io.tune4j.trainer.bundle.Prediction;",
                "import io.tune4j.trainer.bundle.Tune4jModel;",
                "import java.nio.file.Path;",
                "",
                "try (Tune4jModel model = Tune4jModel.load(Path.of(\"" + exports + "/best-1\"))) {",
                "    String[] row = ...;   // one raw row: model.rowWidth() cells, in the order of model.featureNames()",
                "    Prediction prediction = model.predict(row);",
                "    System.out.println(prediction.label() + \" \" + prediction.probabilities());",
                "}");
    }
}
