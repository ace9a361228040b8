package io.tune4j.store;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What a machine needs to use a results database served to others by {@code tune4j serve}: {@code tune4j.client},
 * written owner-only into the served folder and copied by its owner to the other machines. It holds the URL
 * ({@code jdbc:h2:ssl://host:port/key}), the data account and its password, and the server's certificate, which
 * is the only one the client trusts for that URL. Whoever holds the file can read and write the study's rows, so
 * it travels as privately as an SSH key.
 */
record ClientFile(String url, String user, String password, String certificate) {
    static final String FILE_NAME = "tune4j.client";
    private static final String[] KEYS = {"url", "user", "password", "certificate"};

    /** The client file at {@code file}; a missing file or key is a {@link StoreException} naming both. */
    static ClientFile read(Path file) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file)));
        } catch (NoSuchFileException e) {
            throw new StoreException(file + ": no such file (tune4j serve writes it into the served results folder)");
        } catch (IOException e) {
            throw new StoreException(file + ": " + e.getMessage(), e);
        }
        for (String key : KEYS) {
            if (properties.getProperty(key, "").isBlank()) {
                throw new StoreException(file + ": key '" + key + "' is missing (copy the whole tune4j.client that"
                        + " tune4j serve wrote)");
            }
        }
        return new ClientFile(properties.getProperty("url"), properties.getProperty("user"),
                properties.getProperty("password"), properties.getProperty("certificate"));
    }

    /** The text of the file; {@code key} is what the server lets clients open, kept across restarts. */
    String text() {
        return "# tune4j serve: copy this file to the machines that share the study, and keep it private.\n"
                + "url=" + url + "\nuser=" + user + "\npassword=" + password + "\ncertificate=" + certificate;
    }

    /** The key in the URL (the last path element). */
    String key() {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
