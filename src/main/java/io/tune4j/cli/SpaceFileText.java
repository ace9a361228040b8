package io.tune4j.cli;

import io.tune4j.search.study.TrialRecord;
import io.tune4j.trainer.data.DataConfig;
import io.tune4j.trainer.data.BuiltInTable;
import io.tune4j.trainer.data.DatasetSpec;
import io.tune4j.trainer.data.MissingValues;
import io.tune4j.trainer.data.TableColumns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Rewrites space files: the copy stored with a study (data paths absolute and the split explicit, so it reads
 * the same from any folder) and the re-runnable {@code params.yaml} of an exported trial.
 */
final class SpaceFileText {
    private SpaceFileText() {}

    /** {@code text} with its dataset and split spelled out in full. */
    static String normalized(String text, DataConfig data) {
        Map<String, Object> file = load(text);
        file.put("dataset", datasetNode(data.source()));
        file.put("split", splitNode(data));
        return dump(file);
    }

    /**
     * A space file whose only point is {@code trial}'s params, trained with the trial's seed on the same split:
     * each run of it trains the same network again and gets the recorded value.
     */
    @SuppressWarnings("unchecked")
    static String rerunnable(String storedSource, String study, TrialRecord trial) {
        Map<String, Object> file = load(storedSource);
        file.put("study", study);
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("sampler", "random");
        search.put("trials", 1);
        // Trial n of a study gets seed study_seed + n, so trial 0 of this file is stored with the trial's seed;
        // training.seed makes the runs after it (trials 1, 2, ... of the same study) train with it too.
        search.put("seed", trial.seed());
        file.put("search", search);
        Map<String, Object> training = new LinkedHashMap<>();
        if (file.get("training") instanceof Map<?, ?> declared) training.putAll((Map<String, Object>) declared);
        training.put("seed", trial.seed());
        file.put("training", training);
        file.put("space", new TreeMap<>(trial.params()));
        return "# Trial " + trial.number() + " of the study it was exported from, value " + trial.value()
                + ".\n# Run it again with: ./tune4j run <this file> (each run trains with the trial's seed, training.seed, and"
                + " gets its value)\n" + dump(file);
    }

    private static Object datasetNode(DatasetSpec source) {
        if (source instanceof DatasetSpec.BuiltIn builtIn) return builtIn.name();
        if (source instanceof DatasetSpec.Csv csv) {
            if (csv.file().path() == null) return BuiltInTable.of(csv).orElseThrow().label();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("path", csv.file().path().toAbsolutePath().normalize().toString());
            TableColumns columns = csv.columns();
            fields.put("label", columns.label());
            if (csv.header() != null) fields.put("header", csv.header());
            columns.features().ifPresent(features -> fields.put("features", features));
            if (!columns.ignore().isEmpty()) fields.put("ignore", columns.ignore());
            if (!columns.categorical().isEmpty()) fields.put("categorical", columns.categorical());
            fields.put("missing", missingNode(columns.missing()));
            return Map.of("csv", fields);
        }
        if (source instanceof DatasetSpec.Images images) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("dir", images.dir().toAbsolutePath().normalize().toString());
            if (images.resize()) fields.put("size", List.of(images.size().height(), images.size().width()));
            fields.put("channels", images.channels());
            return Map.of("images", fields);
        }
        DatasetSpec.Idx idx = (DatasetSpec.Idx) source;
        return Map.of(idx.kind(), Map.of("dir", idx.dir().toAbsolutePath().normalize().toString()));
    }

    private static Object missingNode(MissingValues missing) {
        if (missing.perColumn().isEmpty()) return missing.otherwise().key();
        Map<String, Object> node = new TreeMap<>();
        missing.perColumn().forEach((column, strategy) -> node.put(column, strategy.key()));
        node.put(MissingValues.OTHERS, missing.otherwise().key());
        return node;
    }

    private static Map<String, Object> splitNode(DataConfig data) {
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("validation", data.validationFraction());
        split.put("test", data.testFraction());
        split.put("seed", data.splitSeed());
        return split;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String text) {
        return new LinkedHashMap<>((Map<String, Object>) new Yaml().load(text));
    }

    private static String dump(Map<String, Object> file) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(file);
    }
}
