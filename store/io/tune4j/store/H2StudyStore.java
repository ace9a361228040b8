package io.tune4j.store;

import io.tune4j.search.space.Distribution;
import io.tune4j.search.study.IntermediateValue;
import io.tune4j.search.study.Reclaimed;
import io.tune4j.search.study.RunningTrial;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.StudySummary;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.h2.api.ErrorCode;

/** The study store in an H2 database: a file under the results folder, or in memory for library use and tests. */
public final class H2StudyStore implements StudyStore {
    /** The database file a results folder holds. */
    public static final String FILE_NAME = "tune4j.mv.db";

    private final Database database;
    private final TrialReader reader;
    private final TrialQueue queue;

    private H2StudyStore(Database database) {
        this.database = database;
        this.reader = new TrialReader(database);
        this.queue = new TrialQueue(database);
        // The first connection, which a pool keeps open: a store that cannot reach its database fails here.
        database.read(connection -> null);
    }

    /**
     * The database {@code <resultsDir>/tune4j.mv.db}, created with its folder if missing, for a process that
     * writes (a run). The file is served by the folder's database server, a process of its own that this
     * starts when none runs (see {@link ResultsServer}); this process is one of its clients.
     */
    public static H2StudyStore openFile(Path resultsDir) {
        Path dir = OwnerOnly.folder(resultsDir.toAbsolutePath().normalize());
        Credentials credentials = Credentials.of(dir);
        return new H2StudyStore(new Database(() -> served(dir), credentials, dir.resolve(FILE_NAME).toString(), false));
    }

    /**
     * The existing database of {@code resultsDir} for a process that only reads it (studies, leaderboard,
     * trials, export, the dashboard): a client of the folder's database server like a run. A results folder
     * on a read-only file system (or one this user may not write) gets no server, which could not write its
     * files there: the reader opens the file read-only for each call and closes it after.
     */
    public static H2StudyStore openReader(Path resultsDir) {
        Path dir = resultsDir.toAbsolutePath().normalize();
        boolean readOnly = OwnerOnly.readOnly(dir);
        if (!readOnly) OwnerOnly.folder(dir);
        Supplier<DatabaseUrl> url = readOnly || !Files.exists(dir.resolve(FILE_NAME))
                // A server of the same file running elsewhere (a writable mount of it) is used: it holds the file.
                ? () -> ServerAddress.read(dir).filter(ServerAddress::answers)
                        .map(server -> new DatabaseUrl(server.url(";LOCK_TIMEOUT=10000"), true))
                        .orElseGet(() -> new DatabaseUrl("jdbc:h2:file:" + dir.resolve("tune4j") + ";IFEXISTS=TRUE"
                                + (readOnly ? ";ACCESS_MODE_DATA=r" : ""), false))
                : () -> served(dir);
        return new H2StudyStore(new Database(url, Credentials.of(dir), dir.resolve(FILE_NAME).toString(), false));
    }

    /**
     * The database another machine serves with {@code tune4j serve}, through the {@code tune4j.client} file that
     * command wrote (copied here): over TLS, trusting only the server certificate in that file, as its data
     * account. Nothing of the database is on this machine; a run keeps its models in its own results folder.
     */
    public static H2StudyStore openRemote(Path clientFile) {
        ClientFile client = ClientFile.read(clientFile.toAbsolutePath());
        ServerTls.trustOnly(client.certificate());
        DatabaseUrl url = new DatabaseUrl(client.url() + ";LOCK_TIMEOUT=10000", true);
        Credentials account = new Credentials("", "", client.user(), client.password());
        return new H2StudyStore(new Database(() -> url, account, client.url(), false));
    }

    /**
     * The JDBC URL of the database server of {@code resultsDir}, started if none runs, for plain SQL (H2's
     * shell, a notebook) with the accounts of {@code tune4j.credentials}; the server stops a minute after its
     * last client leaves, and the next call starts it on another port.
     */
    public static String serverUrl(Path resultsDir) {
        return ServerLaunch.ensure(resultsDir.toAbsolutePath().normalize()).url("");
    }

    /**
     * Stops the database server of {@code resultsDir} if one runs (it closes the file cleanly) and waits for it
     * to end, e.g. before the file system of the folder is unmounted; otherwise it stops a minute after its last
     * client.
     */
    public static void stopServer(Path resultsDir) {
        ServerLaunch.stop(resultsDir.toAbsolutePath().normalize());
    }

    /**
     * A pooled URL of the folder's server, asked again whenever connections break (a killed server is
     * restarted by the first client that notices). LOCK_TIMEOUT: trials of one process write concurrently;
     * wait for a row lock instead of failing at once.
     */
    private static DatabaseUrl served(Path dir) {
        return new DatabaseUrl(ServerLaunch.ensure(dir).url(";LOCK_TIMEOUT=10000"), true);
    }

    /** A private database that lives while this store is open. */
    public static H2StudyStore inMemory() {
        String name = "tune4j-" + UUID.randomUUID();
        DatabaseUrl url = new DatabaseUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", true);
        Database database = new Database(() -> url, Credentials.LEGACY, "in-memory " + name, true);
        // A results folder's tables are made by its server (see ResultsServer); this database has none.
        database.administer(connection -> {
            Schema.ensure(connection, database.location());
            return null;
        });
        return new H2StudyStore(database);
    }

    @Override
    public StudyRecord openStudy(StudyDefinition definition, String sampler, long seed) {
        try {
            return openOrCreateStudy(definition, sampler, seed);
        } catch (StoreException e) {
            // Two processes starting the same new study at once: the one that lost the race to create it
            // continues the study the other created.
            if (!(e.getCause() instanceof SQLException sql) || sql.getErrorCode() != ErrorCode.DUPLICATE_KEY_1) throw e;
            return openOrCreateStudy(definition, sampler, seed);
        }
    }

    private StudyRecord openOrCreateStudy(StudyDefinition definition, String sampler, long seed) {
        return database.write(connection -> {
            Optional<StudyRecord> existing = StudyRows.byName(connection, definition.name());
            if (existing.isPresent()) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE studies SET source = ? WHERE study_id = ?")) {
                    update.setString(1, definition.source());
                    update.setLong(2, existing.get().id());
                    update.executeUpdate();
                }
                StudyRecord stored = existing.get();
                StudyDefinition was = stored.definition();
                return new StudyRecord(stored.id(), new StudyDefinition(was.name(), was.direction(), was.metric(),
                        definition.source()), stored.sampler(), stored.seed(), stored.createdAt());
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO studies (name, direction, metric, sampler, seed, source, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"STUDY_ID"})) {
                Instant now = Instant.now();
                insert.setString(1, definition.name());
                insert.setString(2, definition.direction().name());
                insert.setString(3, definition.metric());
                insert.setString(4, sampler);
                insert.setLong(5, seed);
                insert.setString(6, definition.source());
                insert.setTimestamp(7, Timestamp.from(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return new StudyRecord(keys.getLong(1), definition, sampler, seed, now);
                }
            }
        });
    }

    @Override
    public Optional<StudyRecord> findStudy(String name) {
        return database.read(connection -> StudyRows.byName(connection, name));
    }

    @Override
    public void declareSpace(long studyId, List<Distribution> distributions) {
        database.write(connection -> {
            StoredDistributions.replace(connection, studyId, distributions);
            return null;
        });
    }

    @Override
    public List<Distribution> declaredSpace(long studyId) {
        return database.read(connection -> StoredDistributions.read(connection, studyId));
    }

    /** Also appends the change, with the time, to the study's note: the dashboard and reports show it. */
    @Override
    public void recordChange(long studyId, String sampler, long seed, String change) {
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE studies SET sampler = ?, seed = ? WHERE study_id = ?")) {
                update.setString(1, sampler);
                update.setLong(2, seed);
                update.setLong(3, studyId);
                update.executeUpdate();
            }
            Notes.appendToStudy(connection, studyId, "Continued with changes allowed at " + Instant.now() + ": "
                    + change);
            return null;
        });
    }

    /** Gives study {@code studyId} the name {@code newName}, which no study may have. */
    public void renameStudy(long studyId, String newName) {
        database.write(connection -> {
            StudyLifecycle.rename(connection, studyId, newName);
            return null;
        });
    }

    /** Stores a copy of study {@code studyId}, every trial with its params, curves and notes, as {@code newName}. */
    public void copyStudy(long studyId, String newName) {
        database.write(connection -> {
            StudyLifecycle.copy(connection, studyId, newName);
            return null;
        });
    }

    /** Removes study {@code studyId} and everything of it. */
    public void deleteStudy(long studyId) {
        database.write(connection -> {
            StudyLifecycle.delete(connection, studyId);
            return null;
        });
    }

    /** Sets the Markdown note of a study (an empty text removes it). */
    public void noteStudy(long studyId, String markdown) {
        database.write(connection -> {
            Notes.ofStudy(connection, studyId, markdown);
            return null;
        });
    }

    /** Sets the Markdown note of trial {@code number} of a study; false when there is no such trial. */
    public boolean noteTrial(long studyId, int number, String markdown) {
        return database.write(connection -> Notes.ofTrial(connection, studyId, number, markdown));
    }

    @Override
    public List<StudySummary> studies() {
        return database.read(StudySummaries::all);
    }

    @Override
    public TrialRecord createTrial(long studyId, String worker) {
        return database.write(connection -> insertTrial(connection, studyId, worker));
    }

    private static TrialRecord insertTrial(Connection connection, long studyId, String worker) throws SQLException {
        int number = takeNumber(connection, studyId);
        Instant now = Instant.now();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO trials (study_id, number, state, seed, worker, started_at, heartbeat_at)"
                        + " SELECT study_id, ?, 'RUNNING', seed + ?, ?, ?, CURRENT_TIMESTAMP FROM studies"
                        + " WHERE study_id = ?",
                new String[] {"TRIAL_ID"})) {
            insert.setInt(1, number);
            insert.setInt(2, number);
            insert.setString(3, worker);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setLong(5, studyId);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return TrialReader.one(connection, keys.getLong(1));
            }
        }
    }

    /**
     * Takes the study's next trial number from its counter. The UPDATE locks the study's row until the
     * transaction commits, so concurrent writers queue for numbers instead of racing for them.
     */
    static int takeNumber(Connection connection, long studyId) throws SQLException {
        try (PreparedStatement take = connection.prepareStatement(
                "UPDATE studies SET next_trial_number = next_trial_number + 1 WHERE study_id = ?")) {
            take.setLong(1, studyId);
            if (take.executeUpdate() != 1) throw new SQLException("no study with id " + studyId);
        }
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT next_trial_number - 1 FROM studies WHERE study_id = ?")) {
            read.setLong(1, studyId);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public Optional<TrialRecord> claimWaiting(long studyId, String worker) {
        return queue.claimWaiting(studyId, worker);
    }

    @Override
    public List<RunningTrial> runningTrials(long studyId) {
        return queue.running(studyId);
    }

    @Override
    public void heartbeat(Collection<Long> trialIds) {
        queue.heartbeat(trialIds);
    }

    @Override
    public Optional<Reclaimed> reclaim(RunningTrial trial, String reason, int retries) {
        return queue.reclaim(trial, reason, retries);
    }

    @Override
    public void setParams(long trialId, Map<String, Object> params) {
        database.write(connection -> {
            writeParams(connection, trialId, params);
            return null;
        });
    }

    private static void writeParams(Connection connection, long trialId, Map<String, Object> params)
            throws SQLException {
        Map<String, ParamValue> stored = new LinkedHashMap<>();
        params.forEach((name, value) -> stored.put(name, ParamValue.of(value)));
        try (PreparedStatement insert = connection.prepareStatement(
                "MERGE INTO trial_params (trial_id, name, kind, value_text, value_num) KEY (trial_id, name)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, ParamValue> param : stored.entrySet()) {
                insert.setLong(1, trialId);
                insert.setString(2, param.getKey());
                insert.setString(3, param.getValue().kind());
                insert.setString(4, param.getValue().text());
                insert.setObject(5, param.getValue().number());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        ParamSummary.add(connection, trialId, stored);
    }

    @Override
    public TrialRecord enqueue(long studyId, Map<String, Object> params) {
        return database.write(connection -> {
            int number = takeNumber(connection, studyId);
            long trialId;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO trials (study_id, number, state, seed) SELECT study_id, ?, 'WAITING', seed + ?"
                            + " FROM studies WHERE study_id = ?", new String[] {"TRIAL_ID"})) {
                insert.setInt(1, number);
                insert.setInt(2, number);
                insert.setLong(3, studyId);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    trialId = keys.getLong(1);
                }
            }
            writeParams(connection, trialId, params);
            Attributes.set(connection, trialId, ENQUEUED, "true");
            return TrialReader.one(connection, trialId);
        });
    }

    @Override
    public void setDevice(long trialId, String device) {
        update("UPDATE trials SET device = ? WHERE trial_id = ?", device, trialId);
    }

    @Override
    public void reportIntermediate(long trialId, int step, Map<String, Double> metrics) {
        database.write(connection -> {
            try (PreparedStatement merge = connection.prepareStatement(
                    "MERGE INTO trial_values (trial_id, step, metric, metric_value) KEY (trial_id, metric, step)"
                            + " VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, Double> metric : metrics.entrySet()) {
                    merge.setLong(1, trialId);
                    merge.setInt(2, step);
                    merge.setString(3, metric.getKey());
                    merge.setDouble(4, metric.getValue());
                    merge.addBatch();
                }
                merge.executeBatch();
            }
            // Each report doubles as the trial's heartbeat: a RUNNING trial whose heartbeat is old is dead.
            // The database's clock, not this process's: processes sharing a study compare heartbeats.
            try (PreparedStatement beat = connection.prepareStatement(
                    "UPDATE trials SET heartbeat_at = CURRENT_TIMESTAMP WHERE trial_id = ?")) {
                beat.setLong(1, trialId);
                beat.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void setTrialAttribute(long trialId, String key, String value) {
        database.write(connection -> {
            Attributes.set(connection, trialId, key, value);
            return null;
        });
    }

    @Override
    public TrialRecord finishTrial(long trialId, TrialState state, Double value, String error) {
        return database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE trials SET state = ?, objective_value = ?, error = ?, finished_at = ? WHERE trial_id = ?")) {
                update.setString(1, state.name());
                update.setObject(2, value);
                update.setString(3, error);
                update.setTimestamp(4, Timestamp.from(Instant.now()));
                update.setLong(5, trialId);
                update.executeUpdate();
            }
            return TrialReader.one(connection, trialId);
        });
    }

    @Override
    public List<TrialRecord> trials(long studyId) {
        return reader.ofStudy(studyId);
    }

    @Override
    public Optional<TrialRecord> trial(long studyId, int number) {
        return reader.byNumber(studyId, number);
    }

    @Override
    public List<TrialRecord> topTrials(long studyId, int limit) {
        return reader.best(studyId, limit);
    }

    @Override
    public List<IntermediateValue> intermediateValues(long trialId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT step, metric, metric_value FROM trial_values WHERE trial_id = ? ORDER BY step, metric")) {
                query.setLong(1, trialId);
                List<IntermediateValue> values = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) values.add(new IntermediateValue(rs.getInt(1), rs.getString(2), rs.getDouble(3)));
                }
                return values;
            }
        });
    }

    /**
     * Runs a read-only query of the read side ({@code io.tune4j.store.query}, used by the dashboard) on a
     * pooled connection, turning SQL failures into a {@link StoreException} that names the database.
     */
    public <T> T read(SqlRead<T> query) {
        return database.read(query::run);
    }

    @Override
    public void close() {
        database.close();
    }

    private void update(String sql, Object... args) {
        database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) statement.setObject(i + 1, args[i]);
                return statement.executeUpdate();
            }
        });
    }
}
