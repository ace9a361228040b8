package io.tune4j.cli;

import java.time.Duration;

/** Durations as people write and read them: 90s, 10m, 2h. */
final class Durations {
    private Durations() {}

    static Duration parse(String what, String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(s|m|h)").matcher(text.trim());
        if (!m.matches()) throw new UserError(what + ": '" + text + "' is not a duration like 90s, 10m or 2h");
        long amount = Long.parseLong(m.group(1));
        Duration duration = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (duration.isZero()) throw new UserError(what + " must be positive");
        return duration;
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) return String.format("%.1f s", duration.toMillis() / 1000.0);
        return String.format("%d min %02d s", seconds / 60, seconds % 60);
    }
}
