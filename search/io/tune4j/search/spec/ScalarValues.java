package io.tune4j.search.spec;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * SnakeYAML's own YAML 1.1 scalar rules (ints with underscores or hex, {@code .inf}, {@code yes}/{@code no},
 * {@code 1e-4} as a float in 2.x), reached through its constructor so we do not re-implement them.
 */
final class ScalarValues extends SafeConstructor {
    ScalarValues() {
        super(new LoaderOptions());
    }

    Object valueOf(ScalarNode node) {
        return constructObject(node);
    }
}
