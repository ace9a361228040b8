package io.tune4j.search.spec;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean …?" for near misses: the known name within a small edit distance of a typed one. */
public final class NearestName {
    /** Two edits catch a swapped pair or a dropped letter without suggesting unrelated short names. */
    private static final int MAX_EDITS = 2;

    private NearestName() {}

    public static Optional<String> to(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String candidate : known) {
            int distance = editDistance(typed.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " did you mean 'x'?" or an empty string, to append to an "unknown …" message. */
    public static String hint(String typed, Collection<String> known) {
        return to(typed, known).map(name -> "; did you mean '" + name + "'?").orElse("");
    }

    /** Levenshtein distance with two rolling rows. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
