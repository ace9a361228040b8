package io.tune4j.search.spec;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a space file's text into located nodes. SnakeYAML's node tree is used rather than its objects
 * because every node keeps the line it came from, which every later error message needs.
 */
public final class SpecDocument {
    private SpecDocument() {}

    /** The root node of {@code text}; {@code file} is how messages name the file. */
    public static SpecNode parse(String file, String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            throw new SpecException(file, line, "", "malformed YAML: " + context + e.getProblem());
        } catch (YAMLException e) {
            throw new SpecException(file, 0, "", "malformed YAML: " + e.getMessage());
        }
        if (root == null) throw new SpecException(file, 1, "", "the file is empty");
        return new SpecNode(file, "", root, new ScalarValues());
    }
}
