package io.tune4j.search.spec;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written the way people say them in a config file: {@code 90s}, {@code 10m}, {@code 2h}. */
public final class DurationText {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*([smh])");

    private DurationText() {}

    /** The duration {@code text} names, or empty when it is not a positive whole number with a unit s, m or h. */
    public static Optional<Duration> parse(String text) {
        Matcher matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) return Optional.empty();
        long amount;
        try {
            amount = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
        if (amount == 0) return Optional.empty();
        return Optional.of(switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        });
    }
}
