package io.tune4j.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole study page as a PNG at a given width: the screen is made as tall as the page, then captured. A width
 * under 500 px is a phone (Chromium's device emulation, which honours the viewport meta), since a desktop window
 * cannot be made that narrow.
 */
final class StudyScreenshot {
    private StudyScreenshot() {}

    static Path take(ChromeDriver driver, String url, int width, Path file) {
        size(driver, width, 1000);
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(d -> "all".equals(d.findElement(By.tagName("body")).getAttribute("data-views")));
        // The charts size themselves to the window once: reload at the final height so none is drawn too narrow.
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        size(driver, width, (int) height);
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(d -> "all".equals(d.findElement(By.tagName("body")).getAttribute("data-views")));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        return file;
    }

    private static void size(ChromeDriver driver, int width, int height) {
        if (width < 500) {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", true));
        } else {
            driver.manage().window().setSize(new Dimension(width, height));
        }
    }
}
