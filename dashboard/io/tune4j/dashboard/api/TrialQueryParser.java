package io.tune4j.dashboard.api;

import io.tune4j.search.study.TrialState;
import io.tune4j.store.query.ParamFilter;
import io.tune4j.store.query.TrialQuery;
import io.tune4j.store.query.TrialSort;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a trial list request into a {@link TrialQuery}. Every argument is checked against a fixed list
 * (sort keys, orders, states) or parsed as a number; anything else is a {@link BadRequest} naming it.
 * Param names go into the query as values only, and one no trial has is refused by the store.
 *
 * <pre>sort=value|number|param:NAME  order=asc|desc  state=COMPLETE,PRUNED  value_min=..  value_max=..
 * pmin.NAME=..  pmax.NAME=..  pin.NAME=a (repeatable)  offset=0  limit=50</pre>
 */
public final class TrialQueryParser {
    static final int DEFAULT_LIMIT = 50;
    /** Arguments besides the pmin./pmax./pin. filters; "token" is the access token of a non-local dashboard. */
    private static final Set<String> ARGUMENTS =
            Set.of("sort", "order", "state", "value_min", "value_max", "offset", "limit", "token");
    private static final List<String> FILTER_PREFIXES = List.of("pmin.", "pmax.", "pin.");

    private TrialQueryParser() {}

    public static TrialQuery parse(long studyId, boolean maximize, MultiMap args) {
        // A misspelt argument would otherwise be ignored, and the page would silently show unfiltered trials.
        for (String name : args.names()) {
            boolean filter = FILTER_PREFIXES.stream().anyMatch(p -> name.startsWith(p) && name.length() > p.length());
            if (!filter && !ARGUMENTS.contains(name)) {
                throw new BadRequest("unknown argument '" + name + "'; known: " + new TreeSet<>(ARGUMENTS)
                        + " and pmin.NAME, pmax.NAME, pin.NAME");
            }
        }
        Double valueMin = number(args, "value_min");
        Double valueMax = number(args, "value_max");
        if (valueMin != null && valueMax != null && valueMin > valueMax) {
            throw new BadRequest("value_min (" + valueMin + ") is above value_max (" + valueMax + ")");
        }
        return new TrialQuery(studyId, sort(args, maximize), states(args.get("state")), valueMin, valueMax,
                params(args), integer(args, "offset", 0), integer(args, "limit", DEFAULT_LIMIT));
    }

    private static TrialSort sort(MultiMap args, boolean maximize) {
        String order = args.get("order");
        String sort = args.get("sort") == null ? "value" : args.get("sort");
        boolean descending;
        if (order == null) {
            // Best first by default: the leaderboard's natural order.
            descending = sort.equals("value") ? maximize : sort.equals("number");
        } else if (order.equals("asc") || order.equals("desc")) {
            descending = order.equals("desc");
        } else {
            throw new BadRequest("order must be asc or desc, got '" + order + "'");
        }
        if (sort.equals("value")) return TrialSort.by(TrialSort.Key.VALUE, descending);
        if (sort.equals("number")) return TrialSort.by(TrialSort.Key.NUMBER, descending);
        if (sort.startsWith("param:") && sort.length() > "param:".length()) {
            return TrialSort.byParam(sort.substring("param:".length()), descending);
        }
        throw new BadRequest("sort must be value, number or param:NAME, got '" + sort + "'");
    }

    private static Set<TrialState> states(String text) {
        Set<TrialState> states = EnumSet.noneOf(TrialState.class);
        if (text == null || text.isBlank()) return states;
        for (String name : text.split(",")) {
            try {
                states.add(TrialState.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadRequest("state must be among " + List.of(TrialState.values()) + ", got '" + name + "'");
            }
        }
        return states;
    }

    private static List<ParamFilter> params(MultiMap args) {
        Map<String, Double[]> ranges = new LinkedHashMap<>();
        Map<String, List<String>> choices = new LinkedHashMap<>();
        for (Map.Entry<String, String> arg : args.entries()) {
            String key = arg.getKey();
            if (key.startsWith("pmin.") || key.startsWith("pmax.")) {
                String name = key.substring(5);
                Double[] range = ranges.computeIfAbsent(name, n -> new Double[2]);
                range[key.startsWith("pmin.") ? 0 : 1] = parse(key, arg.getValue());
                if (range[0] != null && range[1] != null && range[0] > range[1]) {
                    throw new BadRequest("pmin." + name + " (" + range[0] + ") is above pmax." + name + " ("
                            + range[1] + ")");
                }
            } else if (key.startsWith("pin.")) {
                choices.computeIfAbsent(key.substring(4), n -> new ArrayList<>()).add(arg.getValue());
            }
        }
        List<ParamFilter> filters = new ArrayList<>();
        ranges.forEach((name, range) -> filters.add(ParamFilter.range(name, range[0], range[1])));
        choices.forEach((name, values) -> filters.add(ParamFilter.oneOf(name, values)));
        return filters;
    }

    private static Double number(MultiMap args, String name) {
        String text = args.get(name);
        return text == null || text.isBlank() ? null : parse(name, text);
    }

    private static double parse(String name, String text) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isNaN(value)) throw new NumberFormatException();
            return value;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a number, got '" + text + "'");
        }
    }

    private static int integer(MultiMap args, String name, int fallback) {
        String text = args.get(name);
        if (text == null || text.isBlank()) return fallback;
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be an integer, got '" + text + "'");
        }
    }
}
