package durable.workshop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import durable.workshop.localruntime.LocalRuntime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Lesson 4's page in headless Chromium against the local runtime running the reference solution (time scale 60):
 * the three demo profiles end as the lesson says, the manager decides in the dialog, and the API's refusal of a bad
 * amount shows next to the field. Screenshots go to target/screenshots/; with -Dbrowser.readme-screenshots=true
 * they are also copied to the lesson's docs/ folders, where its READMEs show them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoanPageBrowserTest {
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final String LESSON = "04-loan-approval";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private LocalRuntime runtime;
    private ChromeDriver browser;
    private URI page;
    private String applicationId;

    @BeforeAll
    void start(@TempDir Path state) throws Exception {
        browser = Browser.start(state.resolve("chromium-profile"));
        String[] stack = LessonStack.synth(ROOT.resolve("solutions").resolve(LESSON).resolve("infra"),
                "durable.workshop.lesson4.infra.Lesson4App", state);
        runtime = LocalRuntime.start(new LocalRuntime.Options(stack[0], stack[1], getClass().getClassLoader(),
                state.resolve("runtime"), 60, freePort(), line -> { }));
        page = runtime.serveWebPage(ROOT.resolve("solutions").resolve(LESSON).resolve("web"));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @BeforeEach
    void openThePageInEnglish() {
        browser.get(page.toString());
        language("en");
    }

    @Test
    void aliceWaitsForTheManagerIsApprovedInTheDialogAndEndsApproved() throws IOException {
        apply("alice", null);
        WebElement dialog = waitForDialog();
        assertThat(stage("manager")).isEqualTo("waiting");
        assertThat(stage("fraud")).isEqualTo("pending");
        assertThat(dialog.getText()).contains("waits for a manager").contains("not signed here");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus in the dialog").isEqualTo("approve");
        screenshot("loan-page-approval-en.png");

        // Escape closes the dialog; the workflow keeps waiting, and "Decide now" opens it again.
        dialog.sendKeys(Keys.ESCAPE);
        WebElement reopen = new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.elementToBeClickable(By.id("open-approval")));
        assertThat(stage("manager")).isEqualTo("waiting");
        reopen.click();
        waitForDialog();
        browser.findElement(By.id("approve")).click();
        assertThat(finalDecision()).isEqualTo("APPROVED");
        assertThat(result()).contains("approved by a manager");
        assertThat(stages()).containsExactly("done", "done", "done", "approved", "done", "approved");
        // Lines the workflow wrote before its waits are marked: on resume those steps came from checkpoints.
        assertThat(logLines("li.replayed")).anyMatch(l -> l.contains("Application validated"))
                .anyMatch(l -> l.contains("Waiting for a manager")).allMatch(l -> l.startsWith("replayed"))
                .noneMatch(l -> l.contains("Application submitted") || l.startsWith("replayedDecision:"))
                .noneMatch(l -> l.equals("replayedApproved by anonymous"));  // the API's line, on POST /approve
        assertThat(logLines("li:not(.replayed)")).anyMatch(l -> l.startsWith("Decision: APPROVED"));
        assertThat(browser.findElement(By.id("log")).getText()).contains("Decision: APPROVED");
        screenshot("loan-page-en.png");
    }

    @Test
    void bobIsDeniedWithTheReasonWithoutAManagerOrAFraudCheck() {
        apply("bob", null);
        assertThat(finalDecision()).isEqualTo("DENIED");
        assertThat(result()).contains("credit score too low");
        assertThat(stages()).containsExactly("done", "done", "done", "skipped", "skipped", "denied");
        assertThat(browser.findElements(By.id("approval")).get(0).getAttribute("open")).isNull();
    }

    @Test
    void charlieIsApprovedAt25000AndDeniedAt30000() {
        apply("charlie", null);
        assertThat(finalDecision()).isEqualTo("APPROVED");
        assertThat(stages()).containsExactly("done", "done", "done", "skipped", "done", "approved");

        apply("charlie", "30000");
        assertThat(finalDecision()).isEqualTo("DENIED");
        assertThat(result()).contains("30000 is over the limit of 25000");
    }

    @Test
    void aBadAmountIsRefusedByTheApiAndShownAtTheField() {
        apply("charlie", "12abc");
        WebElement message = new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message.error")));
        assertThat(message.getText()).contains("refused").contains("amount: must be a number");
        assertThat(message.getAttribute("data-status")).isEqualTo("400");
        WebElement amount = browser.findElement(By.id("amount"));
        assertThat(amount.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement()).as("focus on the field the API named").isEqualTo(amount);
        assertThat(browser.findElement(By.id("amount-error")).getText()).isEqualTo("amount: must be a number");

        apply("charlie", "500");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                "out of range"));
    }

    @Test
    void anUnknownApplicationAndALostConnectionAreSaidInWords() throws IOException {
        browser.get(page + "#nobody-1");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                "Not found: no application nobody-1"));
        assertThat(browser.findElement(By.id("message")).getAttribute("data-status")).isEqualTo("404");

        int closed = freePort();  // nothing listens there: as if the API had stopped
        browser.get(page + "?api=http://127.0.0.1:" + closed);
        apply("bob", null);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                "Connection lost: the API at http://127.0.0.1:" + closed + " does not answer"));
    }

    @Test
    void japaneseTextAndAManagersDenial() throws IOException {
        language("ja");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
        assertThat(browser.findElement(By.id("submit")).getText()).isEqualTo("申し込む");
        apply("alice", null);
        WebElement dialog = waitForDialog();
        assertThat(dialog.getText()).contains("マネージャーの判断が必要です");
        screenshot("loan-page-approval-ja.png");
        // Keyboard only: the focus starts on Approve; Tab reaches Deny.
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("deny");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(finalDecision()).isEqualTo("DENIED");
        assertThat(result()).contains("manager did not approve");
        assertThat(stages()).containsExactly("done", "done", "done", "denied", "skipped", "denied");
        screenshot("loan-page-ja.png");
    }

    /**
     * A port for the Lambda endpoint, known before the runtime starts: the functions' AWS SDK clients are built when
     * the runtime loads them, and must already point at it.
     */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theApprovalSignatureForTheDeployedApiEqualsTheAwsSdks() {
        String url = "https://abc123defg.execute-api.eu-west-1.amazonaws.com/approve";
        String body = "{\"applicationId\":\"alice-1\",\"approved\":true,\"comment\":\"ok: 100% sure\"}";
        Instant at = Instant.parse("2026-03-04T05:06:07Z");
        // Example credentials of the AWS documentation's SigV4 examples.
        String key = "AKIDEXAMPLE";
        String secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
        String token = "IQoJb3JpZ2luX2VjEXAMPLETOKEN/+=";
        @SuppressWarnings("unchecked")
        Map<String, String> page = (Map<String, String>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import("./sigv4.js").then((m) => m.signRequest({method: "POST", url: arguments[0],
                    headers: {"content-type": "application/json"}, body: arguments[1], region: m.regionOf(arguments[0]),
                    service: "execute-api", now: new Date(arguments[2]),
                    credentials: {accessKeyId: arguments[3], secretAccessKey: arguments[4], sessionToken: arguments[5]}}))
                  .then(done, (e) => done({error: String(e)}));
                """, url, body, at.toString(), key, secret, token);
        SdkHttpRequest sdk = SigV4.signPost(url, body, key, secret, token, "eu-west-1", at);
        assertThat(page.get("X-Amz-Date")).isEqualTo(sdk.firstMatchingHeader("X-Amz-Date").orElseThrow());
        assertThat(page.get("X-Amz-Security-Token")).isEqualTo(token);
        assertThat(page.get("Authorization")).isEqualTo(sdk.firstMatchingHeader("Authorization").orElseThrow());
    }

    // ------------------------------------------------------------------ the page

    /** Picks a profile, optionally types another amount, and submits; returns the application id. */
    private String apply(String profile, String amount) {
        browser.findElement(By.id("profile-" + profile)).click();
        applicationId = browser.findElement(By.id("applicationId")).getAttribute("value");
        if (amount != null) {
            WebElement field = browser.findElement(By.id("amount"));
            field.clear();
            field.sendKeys(amount);
        }
        browser.findElement(By.id("submit")).click();
        return applicationId;
    }

    private void language(String lang) {
        if (!lang.equals(browser.findElement(By.tagName("html")).getAttribute("lang"))) {
            browser.findElement(By.id("language")).click();
        }
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
    }

    private WebElement waitForDialog() {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("approval")));
    }

    /** The final decision of the last application, once the page shows it. */
    private String finalDecision() {
        By result = By.id("result");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.and(ExpectedConditions.visibilityOfElementLocated(result),
                ExpectedConditions.textToBePresentInElementLocated(result, applicationId)));
        return browser.findElement(result).getAttribute("data-decision");
    }

    private String result() {
        return browser.findElement(By.id("result")).getText();
    }

    private List<String> logLines(String selector) {
        return browser.findElements(By.cssSelector("#log " + selector)).stream().map(WebElement::getText).toList();
    }

    private String stage(String name) {
        return browser.findElement(By.id("stage-" + name)).getAttribute("data-state");
    }

    private List<String> stages() {
        return List.of("validation", "bureaus", "decision", "manager", "fraud", "final").stream().map(this::stage)
                .toList();
    }

    private void screenshot(String name) throws IOException {
        Path file = SCREENSHOTS.resolve(name);
        // The whole page, not only the window: Chromium's DevTools screenshot beyond the viewport.
        Map<String, Object> size = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Number> content = (Map<String, Number>) size.get("cssContentSize");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", content.get("width"),
                        "height", content.get("height"), "scale", 1)));
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        System.out.println("screenshot: " + file.toAbsolutePath());
        if (Boolean.getBoolean("browser.readme-screenshots")) {
            for (String track : List.of("lessons", "solutions")) {
                Path docs = Files.createDirectories(ROOT.resolve(track).resolve(LESSON).resolve("docs"));
                Files.copy(file, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
