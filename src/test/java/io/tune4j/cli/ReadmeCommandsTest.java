package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The README's {@code ./tune4j} commands, checked against the real command line so the manual cannot drift
 * from the code: every command in a code block or inline code parses as written (without running, since some
 * train for minutes); every option of the commands table exists, and a value shown beside an option that has
 * a default is that default; every command's help prints.
 */
class ReadmeCommandsTest {
    private static final Pattern CODE_BLOCK = Pattern.compile("(?ms)^```[a-z]*\\n(.*?)^```");
    private static final Pattern INLINE_COMMAND = Pattern.compile("`(\\./tune4j [^`]+)`");
    /** Words that stand for a value the user picks: SPACE_FILE, STUDY, N, HOST[:PORT]. */
    private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z][A-Z_]*(\\[:[A-Z]+])?");

    @TestFactory
    Stream<DynamicTest> everyCommandInTheReadmeParses() throws IOException {
        return commands().stream().map(command -> DynamicTest.dynamicTest(command, () -> {
            List<String> args = words(command);
            CommandLine main = Main.commandLine();
            if (args.size() == 1) {
                // Prose naming a command ("`./tune4j export` rebuilds …"): the command must exist.
                assertTrue(main.getSubcommands().containsKey(args.get(0)), "no command " + command);
                return;
            }
            try {
                assertNotNull(main.parseArgs(args.toArray(String[]::new)).subcommand(), "names a command: " + command);
            } catch (CommandLine.ParameterException e) {
                // A file the README has the user build first (the example's jar) is missing from a checkout;
                // the command line got as far as checking it, so its options are right.
                boolean notBuiltYet = args.stream().anyMatch(arg -> e.getMessage().endsWith("not found: " + arg)
                        && !Files.exists(Path.of(arg)));
                if (!notBuiltYet) fail(command + ": " + e.getMessage());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyOptionOfTheCommandsTableExistsWithTheDefaultItShows() throws IOException {
        List<String> synopses = new ArrayList<>();
        for (String row : readme().lines().filter(l -> l.startsWith("| `./tune4j")).toList()) {
            Matcher code = INLINE_COMMAND.matcher(row.substring(0, row.indexOf(" |", 2)));
            while (code.find()) synopses.add(code.group(1));
        }
        assertTrue(synopses.size() >= 10, "the commands table was found: " + synopses);
        return synopses.stream().map(synopsis -> DynamicTest.dynamicTest(synopsis, () -> checkSynopsis(synopsis)));
    }

    @Test
    void theCommandsTheReadmeSaysTakeResultsAreTheOnesThatDo() throws IOException {
        Matcher claim = Pattern.compile("((?:`[a-z]+`(?:, | and ))+`[a-z]+`) take `--results DIR`").matcher(readme());
        assertTrue(claim.find(), "the README says which commands take --results");
        Set<String> said = new TreeSet<>(Arrays.asList(claim.group(1).replaceAll("`| and |,", " ").strip().split("\\s+")));
        Set<String> taking = new TreeSet<>();
        Main.commandLine().getSubcommands().forEach((name, command) -> {
            if (command.getCommandSpec().findOption("--results") != null) taking.add(name);
        });
        assertEquals(taking, said);
    }

    @TestFactory
    Stream<DynamicTest> everyCommandsHelpPrints() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        return all.stream().map(command -> DynamicTest.dynamicTest(command.getCommandSpec().qualifiedName(), () -> {
            List<String> path = new ArrayList<>(Arrays.asList(command.getCommandSpec().qualifiedName().split(" ")));
            path.remove(0);
            path.add("--help");
            Tune4jCli.Result help = Tune4jCli.run(path.toArray(String[]::new));
            assertEquals(0, help.exitCode(), help.err());
            assertTrue(help.out().startsWith("Usage: " + command.getCommandSpec().qualifiedName()), help.out());
        }));
    }

    private static void checkSynopsis(String synopsis) {
        List<String> words = words(synopsis.replace("[", " ").replace("]", " "));
        CommandLine command = Main.commandLine();
        int i = 0;
        while (i < words.size() && command.getSubcommands().containsKey(words.get(i))) {
            command = command.getSubcommands().get(words.get(i++));
        }
        assertTrue(i > 0, "names a command: " + synopsis);
        CommandSpec spec = command.getCommandSpec();
        for (; i < words.size(); i++) {
            if (!words.get(i).startsWith("--")) continue;
            OptionSpec option = spec.findOption(words.get(i));
            assertNotNull(option, synopsis + ": " + spec.qualifiedName() + " has no option " + words.get(i));
            String shown = i + 1 < words.size() ? words.get(i + 1) : "";
            boolean literal = !shown.startsWith("--") && !shown.isEmpty() && !PLACEHOLDER.matcher(shown).matches()
                    && !shown.contains("|") && !shown.contains("…");
            if (literal && option.defaultValue() != null) {
                assertEquals(option.defaultValue(), shown, synopsis + ": " + option.longestName()
                        + " shows another value than the default");
            }
        }
    }

    /** Each command in a code block (one per line, comments cut) and in inline code, without placeholders. */
    private static List<String> commands() throws IOException {
        String readme = readme();
        List<String> commands = new ArrayList<>();
        Matcher block = CODE_BLOCK.matcher(readme);
        while (block.find()) {
            block.group(1).lines().map(String::strip).filter(l -> l.startsWith("./tune4j "))
                    .map(l -> l.replaceAll("\\s+#.*$", "")).forEach(commands::add);
        }
        Matcher inline = INLINE_COMMAND.matcher(readme);
        while (inline.find()) {
            String command = inline.group(1).replaceAll("\\s+", " ");
            boolean synopsis = command.contains("[") || command.contains("…") || command.contains("|")
                    || words(command).stream().anyMatch(w -> PLACEHOLDER.matcher(w).matches());
            if (!synopsis) commands.add(command);
        }
        assertFalse(commands.isEmpty());
        return commands.stream().distinct().toList();
    }

    /** The words after {@code ./tune4j}, as a shell splits them (no quotes are used in the README's commands). */
    private static List<String> words(String command) {
        List<String> words = new ArrayList<>(Arrays.asList(command.strip().split("\\s+")));
        if (!words.isEmpty() && words.get(0).equals("./tune4j")) words.remove(0);
        return words;
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        if (!command.getCommandSpec().name().equals("help")) into.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }
}
