package io.tune4j.search.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A mapping of a space file, in file order. Reading one refuses duplicate keys (YAML would silently keep the
 * last), and {@link #allowOnly} refuses keys the reader does not know, suggesting the near miss.
 */
public final class SpecMapping {
    /** One {@code key: value} pair; {@code key} is the key node, located at the key's own line. */
    public record Entry(String name, SpecNode key, SpecNode value) {}

    private final SpecNode self;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    SpecMapping(SpecNode self, MappingNode node) {
        this.self = self;
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw self.child("?", tuple.getKeyNode()).fail("a key must be a plain name, not a list or mapping");
            }
            String name = keyNode.getValue();
            SpecNode value = self.child(name, tuple.getValueNode());
            SpecNode key = self.child(name, keyNode);
            Entry earlier = entries.putIfAbsent(name, new Entry(name, key, value));
            if (earlier != null) {
                throw key.fail("duplicate key '" + name + "' (first at line " + earlier.key().line() + ")");
            }
        }
    }

    public List<Entry> entries() { return new ArrayList<>(entries.values()); }

    public int size() { return entries.size(); }

    public Optional<SpecNode> get(String name) {
        return Optional.ofNullable(entries.get(name)).map(Entry::value);
    }

    public SpecNode require(String name) {
        Entry entry = entries.get(name);
        if (entry == null) throw self.at(path(name)).fail("is required but missing");
        return entry.value();
    }

    /** This mapping, after checking it has no key outside {@code known}. */
    public SpecMapping allowOnly(Collection<String> known) {
        for (Entry entry : entries.values()) {
            if (!known.contains(entry.name())) {
                throw entry.key().fail("unknown key '" + entry.name() + "'" + NearestName.hint(entry.name(), known)
                        + " (known: " + String.join(", ", known) + ")");
            }
        }
        return this;
    }

    private String path(String name) {
        return self.path().isEmpty() ? name : self.path() + "." + name;
    }
}
