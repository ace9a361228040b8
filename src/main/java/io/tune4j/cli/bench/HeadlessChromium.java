package io.tune4j.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium (Debian {@code chromium} + {@code chromium-driver}), headless, driven by Selenium.
 * Selenium is pointed at the installed driver and binary so it never tries to download either (there is no
 * internet at run time); a fresh profile per browser keeps runs independent.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * tune4j drives the browser through WebDriver only, never through the DevTools protocol (CDP). Selenium
     * 4.27 carries CDP bindings up to Chromium 131; Debian's Chromium is newer (156 here), so at every start
     * Selenium warns, twice, that it found none: words that read like a failure in a test log. These two
     * loggers (java.util.logging, held here because it keeps loggers only weakly) now report errors only.
     */
    private static final List<Logger> CDP_LOOKUP = List.of(
            Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    private final ChromeDriver driver;
    private final Path profile;

    public HeadlessChromium(int width, int height) {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("needs " + BINARY + " and " + DRIVER
                    + " (Debian: apt-get install chromium chromium-driver)");
        }
        try {
            profile = Files.createTempDirectory("tune4j-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        CDP_LOOKUP.forEach(logger -> logger.setLevel(Level.SEVERE));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .build();
        driver = new ChromeDriver(service, options);
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp profile is harmless
            }
        }
    }
}
