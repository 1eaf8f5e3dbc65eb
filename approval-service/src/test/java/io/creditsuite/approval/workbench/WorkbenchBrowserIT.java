package io.creditsuite.approval.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.approval.ApplicantFacts;
import io.creditsuite.api.approval.ApplicationStatus;
import io.creditsuite.api.approval.ApplicationView;
import io.creditsuite.api.approval.CheckRoute;
import io.creditsuite.api.approval.CreditApplicationService;
import io.creditsuite.api.approval.IdentityType;
import io.creditsuite.api.approval.SubmitApplicationRequest;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.approval.support.FakeCreditExposure;
import io.creditsuite.approval.support.HeadlessChromium;
import io.creditsuite.middleware.spring.MiddlewareInitializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The reviewers' workbench in a real headless Chromium against the real service (MariaDB, Flowable): sign in, claim
 * from the group queue (htmx), open the application with its check results and score breakdown, act with a comment;
 * of two reviewers the second cannot claim the same task; one person cannot act twice on an application (four eyes);
 * a reviewer out of scope gets a 404; a form without its CSRF token is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "credit-suite.approval.demo-staff.enabled=true")
@ContextConfiguration(initializers = MiddlewareInitializer.class)
@Import(FakeCreditExposure.class)
class WorkbenchBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static WebDriver browser;

    @LocalServerPort
    private int port;
    @Autowired
    private CreditApplicationService applications;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_reviewer_claims_opens_and_approves_and_a_second_one_cannot_take_the_task() throws Exception {
        ApplicationView app = submitForManualReview("Zhang Wei");
        signIn("ann");
        claim(app.applicationId());

        open(app.applicationId());
        assertThat(text(By.id("checks"))).contains("SCORE", "AGE", "-20 points", "INDUSTRY");
        assertThat(text(By.id("score"))).contains("MANUAL_REVIEW", "S1");
        WebElement amount = browser.findElement(By.id("approved-amount"));
        amount.clear();
        amount.sendKeys("250000.00");
        browser.findElement(By.id("comment")).sendKeys("收入已核实 income verified with the bank statement");
        screenshot();
        browser.findElement(By.id("submit-action")).click();
        assertThat(waitFor(By.id("notice")).getText()).contains("APPROVE recorded", "IN_REVIEW");
        assertThat(text(By.id("history"))).contains("ann", "APPROVE", "250,000.00 CNY", "income verified");
        assertThat(text(By.id("task"))).contains("FINAL_REVIEW");

        // ben's page still offers the first-review task he never saw go: his claim is refused, the page says why
        ApplicationView second = submitForManualReview("Li Na");
        signIn("ben");
        WebElement row = groupRow(second.applicationId());
        signInElsewhereAndClaim("ann", second.applicationId());
        row.findElement(By.cssSelector("button.claim")).click();
        assertThat(waitFor(By.id("problem")).getText()).contains("CS-4004");
    }

    @Test
    void one_person_cannot_act_twice_on_an_application() {
        ApplicationView app = submitForManualReview("Chen Jie");
        signIn("eve"); // first and final reviewer, and team lead
        claim(app.applicationId());
        act(app.applicationId(), "300000.00");
        assertThat(waitFor(By.id("notice")).getText()).contains("IN_REVIEW");

        browser.get(url("/workbench"));
        claim(app.applicationId()); // the final-review task: eve may claim it, but not act on it
        act(app.applicationId(), "300000.00");
        assertThat(waitFor(By.id("problem")).getText()).contains("CS-4005");
        assertThat(text(By.id("history"))).doesNotContain("FINAL_REVIEW APPROVE");
        assertThat(applications.application("workbench-it", app.applicationId()).status())
                .isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void a_reviewer_out_of_scope_gets_not_found() {
        ApplicationView app = submitForManualReview("Zhao Min");
        signIn("wes"); // first review in the west; the application is in the east
        assertThat(text(By.id("group-tasks"))).doesNotContain(app.applicationId());
        open(app.applicationId());
        assertThat(waitFor(By.id("problem")).getText()).contains("CS-4001");
    }

    @Test
    void a_team_lead_reads_the_reports_and_their_csv_and_a_reviewer_may_not() throws Exception {
        signIn("eve");
        browser.get(url("/workbench/reports"));
        assertThat(text(By.id("timeliness"))).contains("FIRST_REVIEW", "FINAL_REVIEW", "RECHECK");
        assertThat(text(By.id("backlog-ages"))).contains("FIRST_REVIEW");
        String csvPath = browser.findElement(By.id("throughput-csv")).getAttribute("href");
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(csvPath))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("day,reviewer,stage,approved,rejected,sent_back,decisions");

        signIn("ann");
        browser.get(url("/workbench/reports"));
        assertThat(text(By.id("problem"))).contains("roles do not allow");
    }

    @Test
    void a_rule_admin_adds_a_blacklist_entry_and_a_malformed_rule_set_is_refused() {
        signIn("rita");
        browser.get(url("/workbench/rules"));
        WebElement form = waitFor(By.id("add-entry"));
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("kind"))).selectByVisibleText("NAME");
        String name = "Evil Corp " + UUID.randomUUID().toString().substring(0, 6);
        form.findElement(By.name("value")).sendKeys(name);
        form.findElement(By.name("reason")).sendKeys("sanctions list 2026-12");
        form.findElement(By.cssSelector("button")).click();
        assertThat(waitFor(By.id("notice")).getText()).contains("Blacklist entry BL-", "added");
        assertThat(text(By.id("blacklist"))).contains(name.toLowerCase().replace(" ", ""), "sanctions list 2026-12");

        WebElement publish = browser.findElement(By.id("publish-rules"));
        publish.findElement(By.name("version")).sendKeys("R-broken");
        WebElement rules = publish.findElement(By.name("rules"));
        rules.clear();
        rules.sendKeys("[{\"code\": \"R-X\", \"outcome\": \"MAYBE\"}]");
        publish.findElement(By.cssSelector("button")).click();
        assertThat(waitFor(By.id("problem")).getText()).contains("CS-1000");
    }

    @Test
    void probes_stay_open_and_a_form_without_its_csrf_token_is_refused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ann&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(url("/workbench"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    private ApplicationView submitForManualReview(String name) {
        String id = "wb-" + UUID.randomUUID().toString().substring(0, 12);
        ApplicationView view = applications.submit(new SubmitApplicationRequest("workbench-it", id, "CU-" + id,
                new ApplicantFacts(name, IdentityType.ID_CARD, "110101199003070011", "13800138000", 22, "RETAIL",
                        1_000_000_00L, "/CN/EAST/SH"), LimitType.GUARANTEE, "CNY", 300_000_00L, 24, List.of("P-1"),
                "DEALER", null));
        assertThat(view.route()).isEqualTo(CheckRoute.MANUAL_REVIEW);
        return view;
    }

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        waitFor(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlMatches(".*/workbench$"));
    }

    /** Claims the application's task in the group queue; htmx moves it to "my tasks" without a page load. */
    private void claim(String applicationId) {
        groupRow(applicationId).findElement(By.cssSelector("button.claim")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#my-tasks tr[data-application='" + applicationId + "']")));
    }

    /** Another reviewer claims the task in a second browser session (cookies are per driver, so a second driver). */
    private void signInElsewhereAndClaim(String username, String applicationId) {
        WebDriver other = HeadlessChromium.start();
        WebDriver mine = browser;
        try {
            browser = other;
            signIn(username);
            claim(applicationId);
        } finally {
            browser = mine;
            other.quit();
        }
    }

    private WebElement groupRow(String applicationId) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#group-tasks tr[data-application='" + applicationId + "']")));
    }

    private void open(String applicationId) {
        browser.get(url("/workbench/applications/" + applicationId));
    }

    private void act(String applicationId, String amount) {
        open(applicationId);
        WebElement field = waitFor(By.id("approved-amount"));
        field.clear();
        field.sendKeys(amount);
        browser.findElement(By.id("submit-action")).click();
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private String text(By by) {
        return waitFor(by).getText();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /**
     * The README's screenshot: always kept in target/, and copied into docs when {@code -Dworkbench.screenshot=true}.
     */
    private void screenshot() throws Exception {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "workbench.png");
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("workbench.screenshot")) {
            Files.copy(shot, Path.of("docs", "workbench.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
