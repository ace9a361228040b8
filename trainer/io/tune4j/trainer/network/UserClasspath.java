package io.tune4j.trainer.network;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jars and folders that hold users' own classes ({@code --classpath}, {@code TUNE4J_CLASSPATH}): put on the
 * current thread's context class loader, which the threads it starts inherit, and passed on to worker processes
 * through {@link #entries()} so a trial in another JVM finds the same classes.
 */
public final class UserClasspath {
    private static final String PROPERTY = "tune4j.userClasspath";

    private UserClasspath() {}

    /**
     * Adds {@code pathList} (entries separated by the platform's path separator).
     *
     * @throws IllegalArgumentException naming an entry that does not exist
     */
    public static synchronized void add(String pathList) {
        List<URL> urls = new ArrayList<>();
        for (String entry : pathList.split(File.pathSeparator)) {
            if (entry.isBlank()) continue;
            Path path = Path.of(entry).toAbsolutePath();
            if (!Files.exists(path)) throw new IllegalArgumentException("classpath entry not found: " + entry);
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("classpath entry is not a path: " + entry, e);
            }
        }
        if (urls.isEmpty()) return;
        Thread thread = Thread.currentThread();
        thread.setContextClassLoader(new URLClassLoader(urls.toArray(URL[]::new), thread.getContextClassLoader()));
        List<String> all = new ArrayList<>();
        if (!entries().isEmpty()) all.add(entries());
        for (URL url : urls) all.add(Path.of(URI.create(url.toString())).toString());
        System.setProperty(PROPERTY, String.join(File.pathSeparator, all));
    }

    /** Every entry added so far, joined by the path separator; empty when none. */
    public static String entries() {
        return System.getProperty(PROPERTY, "");
    }
}
