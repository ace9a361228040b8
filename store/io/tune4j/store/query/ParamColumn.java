package io.tune4j.store.query;

import java.util.List;

/**
 * What a study's trials hold for one param: its kind (float, int, string, bool), the range of its numbers,
 * and for categorical params the values seen. The dashboard builds its filters and axes from these.
 */
public record ParamColumn(String name, String kind, Double min, Double max, List<String> choices) {
    public ParamColumn {
        choices = List.copyOf(choices);
    }

    public boolean numeric() {
        return kind.equals("float") || kind.equals("int");
    }
}
