package io.tune4j.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The two accounts of a results database, generated once into {@code tune4j.credentials}, an owner-only file
 * of the results folder: {@code admin} creates and upgrades the tables, {@code user} (no admin rights: it can
 * read and write rows, not create tables, functions, aliases or triggers, nor read or write files through SQL)
 * is the account every run and reader works with. Whoever can read the file can open the database, so it is
 * as private as the results themselves.
 */
record Credentials(String adminUser, String adminPassword, String user, String password) {
    static final String FILE_NAME = "tune4j.credentials";
    /** What tune4j before 0.2 used, and H2's default: files it wrote are moved to generated passwords. */
    static final Credentials LEGACY = new Credentials("SA", "", "SA", "");

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The credentials of {@code resultsDir}, generated if missing. A read-only folder without the file holds a
     * database written before credentials existed, which is opened as before.
     */
    static Credentials of(Path resultsDir) {
        Path file = resultsDir.resolve(FILE_NAME);
        if (!Files.exists(file) && OwnerOnly.readOnly(resultsDir)) return LEGACY;
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(OwnerOnly.readOrCreate(file, Credentials::generated)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] keys = {"admin_user", "admin_password", "user", "password"};
        for (String key : keys) {
            if (properties.getProperty(key, "").isEmpty()) {
                throw new StoreException(file.toAbsolutePath() + " lacks '" + key + "'; restore it from a backup"
                        + " (the database's passwords are in no other place)");
            }
        }
        return new Credentials(properties.getProperty("admin_user"), properties.getProperty("admin_password"),
                properties.getProperty("user"), properties.getProperty("password"));
    }

    /** A fresh random password: 192 bits, in characters that need no quoting in SQL. */
    static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String generated() {
        return "# The accounts of tune4j.mv.db. Keep this file private: it opens the database.\n"
                + "admin_user=TUNE4J_ADMIN\nadmin_password=" + newPassword() + "\n"
                + "user=TUNE4J\npassword=" + newPassword();
    }
}
