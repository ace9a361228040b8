package io.tune4j.search.spec;

/**
 * A mistake in a space file, located so the user can go straight to it: the file, the 1-based line and the
 * dotted key path, e.g. {@code spaces/iris.yaml:12: space.learning_rate: log range needs a low bound > 0}.
 */
public final class SpecException extends RuntimeException {
    private final String file;
    private final int line;
    private final String key;
    private final String problem;

    /** {@code line} 0 means "no line" (an unreadable file); an empty {@code key} means "no key" (broken YAML). */
    public SpecException(String file, int line, String key, String problem) {
        super(format(file, line, key, problem));
        this.file = file;
        this.line = line;
        this.key = key;
        this.problem = problem;
    }

    public String file() { return file; }

    public int line() { return line; }

    public String key() { return key; }

    /** The message without its location. */
    public String problem() { return problem; }

    private static String format(String file, int line, String key, String problem) {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) text.append(':').append(line);
        text.append(": ");
        if (key != null && !key.isEmpty()) text.append(key).append(": ");
        return text.append(problem).toString();
    }
}
