package io.tune4j.cli;

import io.tune4j.search.spec.DurationText;
import java.time.Duration;
import java.util.Locale;

/** Durations as people write and read them: 90s, 10m, 2h. */
final class Durations {
    private Durations() {}

    static Duration parse(String what, String text) {
        return DurationText.parse(text).orElseThrow(() ->
                new UserError(what + ": '" + text + "' is not a duration like 90s, 10m or 2h"));
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
}
