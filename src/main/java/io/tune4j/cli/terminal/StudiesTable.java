package io.tune4j.cli.terminal;

import com.github.freva.asciitable.AsciiTable;
import io.tune4j.search.study.StudySummary;
import io.tune4j.search.study.TrialState;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The studies list as a text table: trials by state, best value, last activity. */
public final class StudiesTable {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private StudiesTable() {}

    public static String render(List<StudySummary> studies) {
        if (studies.isEmpty()) return "(no study yet)";
        List<String> header = new ArrayList<>(List.of("study", "metric", "direction", "sampler", "trials"));
        // Every state, in the order a trial passes through them: a run stopped half-way leaves WAITING trials.
        for (TrialState state : TrialState.values()) header.add(state.name().toLowerCase(Locale.ROOT));
        header.addAll(List.of("best", "last activity"));
        String[][] rows = studies.stream().map(StudiesTable::row).toArray(String[][]::new);
        return AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, header.toArray(String[]::new), null, rows);
    }

    private static String[] row(StudySummary s) {
        List<String> row = new ArrayList<>(List.of(s.name(), s.metric(), s.direction().name().toLowerCase(Locale.ROOT),
                s.sampler(), String.valueOf(s.totalTrials())));
        for (TrialState state : TrialState.values()) row.add(count(s, state));
        row.add(Cells.number(s.bestValue()));
        row.add(s.lastActivity() == null ? "" : WHEN.format(s.lastActivity()));
        return row.toArray(String[]::new);
    }

    private static String count(StudySummary summary, TrialState state) {
        return String.valueOf(summary.trialsByState().getOrDefault(state, 0));
    }
}
