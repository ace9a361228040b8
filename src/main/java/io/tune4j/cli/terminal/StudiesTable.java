package io.tune4j.cli.terminal;

import com.github.freva.asciitable.AsciiTable;
import io.tune4j.search.study.StudySummary;
import io.tune4j.search.study.TrialState;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The studies list as a text table: trials by state, best value, last activity. */
public final class StudiesTable {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private StudiesTable() {}

    public static String render(List<StudySummary> studies) {
        if (studies.isEmpty()) return "(no study yet)";
        String[] header = {"study", "metric", "direction", "sampler", "trials", "complete", "pruned", "failed",
                "running", "best", "last activity"};
        String[][] rows = studies.stream().map(s -> new String[] {
                s.name(), s.metric(), s.direction().name().toLowerCase(), s.sampler(),
                String.valueOf(s.totalTrials()), count(s, TrialState.COMPLETE), count(s, TrialState.PRUNED),
                count(s, TrialState.FAILED), count(s, TrialState.RUNNING), Cells.number(s.bestValue()),
                s.lastActivity() == null ? "" : WHEN.format(s.lastActivity())}).toArray(String[][]::new);
        return AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, header, null, rows);
    }

    private static String count(StudySummary summary, TrialState state) {
        return String.valueOf(summary.trialsByState().getOrDefault(state, 0));
    }
}
