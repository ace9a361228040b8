package io.tune4j.cli;

import io.tune4j.cli.terminal.LeaderboardTable;
import io.tune4j.cli.terminal.ProgressDisplay;
import io.tune4j.dashboard.server.DashboardServer;
import io.tune4j.search.study.Study;
import io.tune4j.search.study.StudyChangedException;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.WarmStart;
import io.tune4j.search.study.StudyListener;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.FreeSpaceWatch;
import io.tune4j.store.H2StudyStore;
import io.tune4j.trainer.cluster.ClusterNode;
import io.tune4j.trainer.data.DatasetLoader;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.network.Hyperparameter;
import io.tune4j.trainer.pool.CudaDevice;
import io.tune4j.trainer.pool.PoolSettings;
import io.tune4j.trainer.pool.TrialPool;
import io.tune4j.trainer.training.Dl4jObjective;
import io.tune4j.trainer.training.ModelRetention;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run (or continue) the study a space file declares, then export its best trial.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ClasspathOption classpath;

    /** Exit code of a run that stopped starting trials because too many failed (search.max_failures). */
    static final int STOPPED_EARLY = 3;
    /** Exit code of a run stopped because the disk of its results folder was (almost) full. */
    static final int DISK_FULL = 4;

    @Mixin
    ResultsOption results;

    @Mixin
    PlanOverrides overrides;

    @Mixin
    WorkersOption workers;

    @Parameters(paramLabel = "SPACE_FILE", description = "A space file, e.g. spaces/digits-mlp.yaml.")
    Path spaceFile;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Rows of the leaderboard printed at the end.")
    int top;

    @Option(names = "--keep-models", paramLabel = "N", defaultValue = "5",
            description = "Trained models kept on disk: those of the best N trials (default: ${DEFAULT-VALUE}).")
    int keepModels;

    @Option(names = "--no-progress", description = "No live progress on a terminal: one line per finished trial,"
            + " as when the output is a pipe or a file.")
    boolean noProgress;

    @Option(names = "--allow-changes", description = "Continue a study whose space or sampler differs from its last"
            + " run's; the change is recorded in the study's note.")
    boolean allowChanges;

    @Option(names = "--warm-start-from", paramLabel = "STUDY", description = "Show the sampler the finished trials"
            + " of another study first (params this space has; same metric and direction).")
    String warmStartFrom;

    @Option(names = "--dashboard", description = "Serve the live dashboard while the study runs; prints its URL.")
    boolean withDashboard;

    @Mixin
    DashboardOptions dashboard;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        // 0 would keep no model, and the export of the best trial (which needs its model) would fail at the end.
        if (keepModels < 1) throw new UserError("--keep-models must be at least 1 (the best trial's model is exported), got " + keepModels);
        StudyPlan parsed = overrides.applyTo(StudyFile.load(spaceFile));
        StudyPlan plan = parsed.withSource(SpaceFileText.normalized(parsed.source(), parsed.data()));
        // Data, devices and the dashboard's options are checked before the database is touched, so a mistake
        // leaves nothing behind.
        if (withDashboard) dashboard.checked();
        List<DatasetSplits> folds = DatasetLoader.loadFolds(plan.data(), plan.evaluation().kfold(),
                plan.evaluation().repeats());
        DatasetSplits data = folds.get(0);
        Dl4jObjective objective;
        try {
            // Built here, before the database: it checks what only the data can tell (class weights' labels).
            objective = new Dl4jObjective(folds, plan.network(), plan.training(), plan.metric(),
                    results.studyDir(plan.study()).resolve("models"));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        if (!plan.pool().gpus().isEmpty()) {
            try {
                CudaDevice.checkAvailable(plan.pool().gpus());
            } catch (IllegalStateException e) {
                throw new UserError(spaceFile + ": search.devices: " + e.getMessage(), e);
            }
        }
        results.requireFreeSpace();
        PrintWriter out = spec.commandLine().getOut();
        long startNanos = System.nanoTime();
        ClusterNode workersNode = workers.startNode(results.dir);
        try (H2StudyStore store = results.openOrCreate();
             // On the run's own store: the live feed then sees this run's writes without a second connection.
             DashboardServer server = withDashboard ? dashboard.start(store, new DashboardFiles(results)) : null) {
            List<TrialRecord> warm = warmStartFrom == null ? List.of() : warmStart(store, plan);
            Study study;
            try {
                study = Study.open(plan.definition(), plan.space(), plan.createSampler(), plan.createPruner(), store,
                        plan.faults(), allowChanges);
            } catch (StudyChangedException e) {
                throw new UserError(spaceFile + ": " + e.getMessage() + "; to continue it anyway: --allow-changes", e);
            }
            for (Map<String, Object> point : plan.enqueue()) study.enqueue(point, true);
            study.warmStart(warm);
            Path studyDir = results.studyDir(plan.study());
            Path modelDir = studyDir.resolve("models");
            out.printf("study %s: %d trials of %s on %s (%d train / %d validation / %d test rows%s), results in %s%n",
                    plan.study(), plan.search().trials(), plan.search().sampler(), data.name(),
                    data.train().numExamples(), data.validation().numExamples(), data.test().numExamples(),
                    plan.evaluation().crossValidates() ? " in fold 1 of " + plan.evaluation().kfold()
                            + (plan.evaluation().repeats() > 1 ? ", " + plan.evaluation().repeats() + " repeats" : "") : "",
                    results.dir.toAbsolutePath());
            out.println((workers.enabled() ? workers.describe(plan.pool()) : describe(plan.pool()))
                    + ", pruner " + plan.pruner().type());
            if (warmStartFrom != null) {
                out.println("warm start: " + warm.size() + " finished trials of " + warmStartFrom + " feed the sampler");
            }
            if (server != null) out.println("dashboard at " + server.url() + " (it stops when the run ends)");
            StaleTrialLines.print(study.reclaimed(), out);
            out.flush();
            List<TrialRecord> ran;
            TrialPool pool = WorkersOption.pool(workersNode, plan.pool(), SpaceFileObjectives.class,
                    SpaceFileObjectives.payload(plan, modelDir));
            PrintWriter err = spec.commandLine().getErr();
            // Recorded first: stopping the pool fails its trials, and those must read as interrupted. (A run
            // killed outright leaves them RUNNING; the next run reclaims them by their heartbeats.)
            try (pool;
                 ProgressDisplay progress = ProgressDisplay.open(!noProgress && ProgressDisplay.onTerminal(), out,
                         plan.study(), plan.search().trials(), plan.metric(), plan.direction(),
                         params -> ((Number) params.getOrDefault(Hyperparameter.EPOCHS.key(),
                                 plan.training().epochs())).intValue());
                 StopSignals onStop = new StopSignals(reason -> {
                    progress.close();
                    err.println("tune4j: " + reason + "; its running trials are recorded as interrupted and run first"
                            + " next time; continue with: " + continueWith(null));
                    err.flush();
                    study.abandonRunning("interrupted: the run was stopped while this trial ran");
                    pool.close();
                 });
                 FreeSpaceWatch space = new FreeSpaceWatch(results.dir, left -> onStop.stop("the disk of the results "
                         + "folder " + results.dir.toAbsolutePath() + " is full (" + FreeSpaceWatch.megabytes(left)
                         + " left); the run stops", DISK_FULL))) {
                StudyListener listener = StudyListener.all(
                        new ModelRetention(store, study.record().id(), modelDir, keepModels), progress);
                ran = study.optimize(objective, plan.search().budget(), pool, listener);
                onStop.holdIfStopping();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            out.printf("%n%d trials in %s; leaderboard of %s (%s, %s):%n", ran.size(), Durations.format(took),
                    plan.study(), plan.metric(), plan.direction().name().toLowerCase(Locale.ROOT));
            out.println(LeaderboardTable.render(store.topTrials(study.record().id(), top)));
            if (study.endReason().isPresent()) {
                // Said before the export, which may well have nothing to export when every trial failed.
                int left = plan.search().trials() - ran.size();
                err.println("tune4j: study stopped early: " + study.endReason().get() + " (" + ran.size() + " of "
                        + plan.search().trials() + " trials ran); continue with: " + continueWith(left));
                if (study.stopReason().isPresent() && study.bestTrial().isEmpty()) return STOPPED_EARLY;
            }
            new BestExporter(store, results).export(study.record(), 1)
                    .forEach(exported -> out.println("best trial exported to " + exported.line()));
            return study.stopReason().isPresent() ? STOPPED_EARLY : 0;
        } finally {
            if (workersNode != null) workersNode.close();
        }
    }

    /** The usable trials of the --warm-start-from study, checked before anything is written. */
    private List<TrialRecord> warmStart(H2StudyStore store, StudyPlan plan) {
        StudyRecord source = ResultsOption.requireStudy(store, warmStartFrom);
        try {
            return WarmStart.usable(source, store.trials(source.id()), plan.definition(), plan.space());
        } catch (IllegalArgumentException e) {
            throw new UserError("--warm-start-from: " + e.getMessage(), e);
        }
    }

    /**
     * This run's command as typed, which continues the study, with {@code trials} new trials (as typed when
     * null): the user's other options (results folder, sampler, classpath) carry over unchanged.
     */
    private String continueWith(Integer trials) {
        List<String> args = new ArrayList<>();
        for (Iterator<String> typed = spec.commandLine().getParseResult().originalArgs().iterator(); typed.hasNext(); ) {
            String arg = typed.next();
            if (trials != null && arg.equals("--trials") && typed.hasNext()) typed.next();
            else if (trials == null || !arg.startsWith("--trials=")) args.add(arg);
        }
        if (trials != null) args.addAll(List.of("--trials", String.valueOf(trials)));
        return "./tune4j " + String.join(" ", args);
    }

    private static String describe(PoolSettings pool) {
        String where = pool.gpus().isEmpty() ? pool.threadsPerWorker() + " BLAS thread(s) each"
                : "GPUs " + pool.gpus() + ", " + pool.trialsPerDevice() + " trial(s) per GPU";
        return pool.parallel() + " trial(s) at once (" + where + ", "
                + pool.isolation().name().toLowerCase(Locale.ROOT) + " isolation)";
    }
}
