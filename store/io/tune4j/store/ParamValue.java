package io.tune4j.store;

/**
 * How a param is stored: its kind, its exact text (Double.toString round-trips every double) and, for
 * numbers, a numeric column users can sort and filter on in SQL.
 */
record ParamValue(String kind, String text, Double number) {

    static ParamValue of(Object value) {
        if (value instanceof Double d) return new ParamValue("float", Double.toString(d), d);
        if (value instanceof Integer i) return new ParamValue("int", Integer.toString(i), i.doubleValue());
        if (value instanceof Boolean b) return new ParamValue("bool", b.toString(), b ? 1.0 : 0.0);
        if (value instanceof String s) return new ParamValue("string", s, null);
        throw new IllegalArgumentException("cannot store a param of type " + value.getClass().getSimpleName()
                + " (" + value + "); params are doubles, integers, booleans or strings");
    }

    Object value() {
        return switch (kind) {
            case "float" -> Double.parseDouble(text);
            case "int" -> Integer.parseInt(text);
            case "bool" -> Boolean.parseBoolean(text);
            default -> text;
        };
    }
}
