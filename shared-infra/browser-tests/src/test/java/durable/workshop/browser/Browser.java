package durable.workshop.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and its driver, headless. The paths are given, so Selenium Manager never downloads a driver or a
 * browser. Without them the tests are skipped with one sentence on a laptop, and fail in CI (CI=true), where the
 * project's setup (shared-infra/scripts/browser-setup.sh) installs them.
 */
final class Browser {
    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {
    }

    static ChromeDriver start(Path profileDir) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String sentence = "The browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): install them with `sudo shared-infra/scripts/browser-setup.sh`.";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(sentence);
            }
            // Surefire does not show why a whole class was skipped: say it on the console too.
            System.out.println("Skipped: " + sentence);
            Assumptions.abort(sentence);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(profileDir), "--window-size=1280,1200", "--lang=en-US",
                "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }
}
