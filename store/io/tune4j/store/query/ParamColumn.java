package io.tune4j.store.query;

import io.tune4j.search.space.Distribution;
import java.util.List;

/**
 * What a study holds for one param: its kind (float, int, string, bool), the range of the numbers seen, for
 * categorical params the values seen, and how the space declares it ({@code declared}; null for a study whose
 * space was never stored, e.g. one written before schema 3 and not continued since). The dashboard builds its
 * filters and every chart's axis from these.
 */
public record ParamColumn(String name, String kind, Double min, Double max, List<String> choices,
                          Distribution declared) {
    public ParamColumn {
        choices = List.copyOf(choices);
    }

    public boolean numeric() {
        return kind.equals("float") || kind.equals("int");
    }
}
