package io.tune4j.dashboard.export;

import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.TrialRecord;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A trial's params as YAML and nothing else: for studies of any objective (the library API), where
 * there is no network to describe.
 */
public final class ParamsOnlyFiles implements TrialFiles {
    @Override
    public Optional<Download> file(StudyRecord study, TrialRecord trial, String name) {
        if (!name.equals("params.yaml")) return Optional.empty();
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("study", study.name());
        file.put("trial", trial.number());
        file.put("value", trial.value());
        file.put("params", trial.params());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return Optional.of(new Download("application/yaml",
                new Yaml(options).dump(file).getBytes(StandardCharsets.UTF_8)));
    }
}
