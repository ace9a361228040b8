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
 * The best trial's params as YAML and nothing else: for studies of any objective (the library API), where
 * there is no network to describe.
 */
public final class ParamsOnlyFiles implements BestTrialFiles {
    @Override
    public Optional<Download> file(StudyRecord study, TrialRecord best, String name) {
        if (!name.equals("params.yaml")) return Optional.empty();
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("study", study.name());
        file.put("trial", best.number());
        file.put("value", best.value());
        file.put("params", best.params());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return Optional.of(new Download("application/yaml",
                new Yaml(options).dump(file).getBytes(StandardCharsets.UTF_8)));
    }
}
