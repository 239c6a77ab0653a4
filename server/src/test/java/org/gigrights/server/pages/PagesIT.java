package org.gigrights.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.gigrights.server.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages in a real headless Chromium: a platform uploads a file, an inspector sees the findings
 * on the dashboard and opens one, a worker sees their page. Screenshots go to target/screenshots.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gigrights.demo.enabled=true", "gigrights.demo.workers=60", "gigrights.demo.days=10"})
@EnabledIf("chromiumInstalled")
class PagesIT {
    static final String PLATFORM = "91500000MA60DLV02Y";
    static WebDriver driver;

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        r.add("gigrights.db.data-dir", () -> TestDatabase.fresh("pages"));
    }

    static boolean chromiumInstalled() {
        // In CI the browser is installed by .ci/run, so there a missing browser fails the test.
        return System.getenv("CI") != null
                || (Files.isExecutable(Path.of("/usr/bin/chromium"))
                        && Files.isExecutable(Path.of("/usr/bin/chromedriver")));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void browser() {
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void login(String user) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo2026");
        driver.findElement(By.id("login")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    static void shot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void uploadThenDashboardThenOneFindingThenTheWorkerPage() throws Exception {
        Path file = Files.createTempFile("upload", ".csv");
        Files.writeString(
                file,
                "event_id,platform,worker,type,time,order,amount,region,insured,reason\n"
                        + "u1," + PLATFORM + ",UPLOAD-W1,ORDER_ACCEPT,2026-04-21T10:00:00+08:00,uo1,,500112,,\n"
                        + "u2," + PLATFORM + ",UPLOAD-W1,ORDER_COMPLETE,2026-04-21T10:30:00+08:00,uo1,5.00,,false,\n"
                        + "u3," + PLATFORM + ",UPLOAD-W1,ORDER_COMPLETE,2026-04-21T10:30:00,uo1,5.00,,false,\n");
        login("platform");
        assertThat(driver.getCurrentUrl()).endsWith("/platform");
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("upload")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/platform/jobs/"));
        // The job page polls its status with htmx until the receipt appears.
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("accepted")));
        assertThat(driver.findElement(By.id("job-percent")).getText()).isEqualTo("100%");
        assertThat(driver.findElement(By.id("accepted")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.id("rejected")).getText()).isEqualTo("1");
        shot("1-platform-upload-receipt");

        long other = jdbc.sql("SELECT min(id) FROM finding WHERE platform <> ?")
                .param(PLATFORM)
                .query(Long.class)
                .single();
        driver.get(url("/findings/" + other));
        assertThat(driver.getPageSource()).contains("NOT_FOUND");

        login("inspector");
        assertThat(driver.getCurrentUrl()).endsWith("/dashboard");
        assertThat(Long.parseLong(
                        driver.findElement(By.id("total-findings")).getText().replace(",", "")))
                .isPositive();
        Thread.sleep(800);
        shot("2-inspector-dashboard");
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("document.getElementById('chart-map').scrollIntoView()");
        assertThat(driver.findElements(By.cssSelector("#chart-map canvas"))).isNotEmpty();
        Thread.sleep(500);
        shot("2a-inspector-district-grid");
        driver.get(url("/findings?worker=UPLOAD-W1"));
        // Choosing a rule swaps the results in place (htmx) and the URL follows.
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filter-rule")))
                .selectByValue("INJURY_COVER");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("rule=INJURY_COVER"));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.id("total"), "1"));
        shot("2b-findings-htmx-filtered");
        driver.findElement(By.className("finding-link")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlMatches(".*/findings/\\d+$"));
        assertThat(driver.findElement(By.id("finding-title")).getText()).contains("INJURY_COVER", "UPLOAD-W1");
        assertThat(driver.findElement(By.id("citation")).getText()).contains("38号");
        assertThat(driver.findElement(By.id("evidence")).getText()).contains("u2");
        shot("3-inspector-finding");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE username = 'inspector' AND action = 'VIEW_FINDING'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        login("worker");
        assertThat(driver.getCurrentUrl()).endsWith("/me");
        assertThat(driver.findElement(By.id("id-number")).getText()).isEqualTo("5001**********1234");
        assertThat(driver.findElements(By.cssSelector("#days tr"))).hasSizeGreaterThan(1);
        shot("4-worker-page");
    }

    /**
     * Clicks and, when the click loads a new page, waits until the old one is gone, so that the
     * next lookup cannot read an element of the page being left.
     */
    void click(String id) {
        org.openqa.selenium.WebElement page = driver.findElement(By.tagName("html"));
        // The element may belong to a document that is being replaced (a redirect still landing):
        // look it up again and retry, as a person would click again once the page has settled.
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        d.findElement(By.id(id)).click();
                        return true;
                    } catch (org.openqa.selenium.WebDriverException e) {
                        if (isStale(e)) {
                            return false;
                        }
                        throw e;
                    }
                });
        try {
            new WebDriverWait(driver, Duration.ofSeconds(3)).until(d -> {
                try {
                    page.isEnabled();
                    return false;
                } catch (org.openqa.selenium.WebDriverException e) {
                    if (isStale(e)) {
                        return true;
                    }
                    throw e;
                }
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            // The click changed the page in place (a radio button, an htmx swap): nothing to wait for.
        }
    }

    /**
     * Whether an error says the element's document is gone.
     *
     * <p>Chrome reports an element of a replaced document either as stale or, while the new page is
     * still landing, as an inspector error (CI, 2026-12-03): both mean the old page was left.
     */
    private static boolean isStale(org.openqa.selenium.WebDriverException e) {
        if (e instanceof org.openqa.selenium.StaleElementReferenceException) {
            return true;
        }
        String m = String.valueOf(e.getMessage());
        return m.contains("does not belong to the document") || m.contains("stale element");
    }

    void waitFor(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /** Waits for the case page to show a stage; the text is re-read after each navigation. */
    private static void stageIs(String stage) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBe(By.id("case-stage"), stage));
    }

    long dashboardNumber(String id) {
        driver.get(url("/dashboard"));
        return Long.parseLong(driver.findElement(By.id(id)).getText().replace(",", ""));
    }

    @Test
    void aWorkerFilesAComplaintOnAPhoneAndAMediatorClosesItWithAnAgreement() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            login("inspector");
            long casesBefore = dashboardNumber("cases-total");
            long ratedBefore = jdbc.sql("SELECT count(rating) FROM case_file")
                    .query(Long.class)
                    .single();

            login("worker");
            click("file-complaint");
            waitFor("description");
            new Select(driver.findElement(By.id("matter"))).selectByValue("OTHER");
            driver.findElement(By.id("description")).sendKeys("4月21日的三单没有结算，平台客服不回复");
            Path shot = Files.createTempFile("screenshot", ".png");
            Files.write(shot, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            driver.findElement(By.id("files")).sendKeys(shot.toAbsolutePath().toString());
            click("attach-all");
            shot("5-worker-complaint-phone");
            click("submit-complaint");
            stageIs("待受理");
            assertThat(driver.findElement(By.id("plain-status")).getText()).contains("投诉已提交");
            String path = driver.getCurrentUrl().replaceAll("^.*(/me/cases/\\d+).*$", "$1");
            long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
            shot("6-worker-case-filed-phone");

            login("inspector");
            driver.get(url("/cases/" + id));
            click("do-ACCEPT");
            waitFor("do-ASSIGN");
            click("do-ASSIGN");
            stageIs("已分派调解员");

            driver.manage().window().setSize(new Dimension(1280, 1000));
            login("platform");
            driver.get(url("/cases/" + id));
            waitFor("answer-text");
            driver.findElement(By.id("answer-text")).sendKeys("已核实：三单漏结算，同意补发");
            click("do-ANSWER");
            waitFor("steps");
            assertThat(driver.findElement(By.id("steps")).getText()).contains("平台答复", "已核实");
            shot("7a-platform-answered");
            driver.manage().window().setSize(new Dimension(390, 844));

            login("union");
            driver.get(url("/cases?queue=mine"));
            driver.findElement(By.cssSelector("#case-" + id + " a.case-link")).click();
            waitFor("do-START_MEDIATION");
            click("do-START_MEDIATION");
            waitFor("amount");
            driver.findElement(By.id("amount")).sendKeys("320.50");
            ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("document.getElementById('due').value = '2026-05-20'");
            driver.findElement(By.id("terms")).sendKeys("平台于2026年5月20日前补发320.50元");
            click("do-DRAFT_AGREEMENT");
            waitFor("agreement-amount");
            assertThat(driver.findElement(By.id("agreement-amount")).getText()).isEqualTo("320.50");
            stageIs("调解中");

            login("worker");
            assertThat(driver.findElement(By.id("unread-badge")).getText()).isNotBlank();
            click("nav-notices");
            waitFor("notifications");
            assertThat(driver.findElement(By.id("notifications")).getText()).contains("请查看并签署");
            shot("7b-worker-notifications-phone");
            driver.get(url("/me/cases/" + id));
            waitFor("sign-agreement");
            assertThat(driver.findElement(By.id("agreement")).getText()).contains("320.50", "2026-05-20");
            shot("7c-worker-agreement-to-sign-phone");
            click("sign-agreement");
            waitFor("signatures");
            assertThat(driver.findElement(By.id("signatures")).getText()).contains("您已签署", "平台未签署");
            assertThat(driver.findElements(By.id("sign-agreement"))).isEmpty();
            shot("7d-worker-signed-phone");

            driver.manage().window().setSize(new Dimension(1280, 1000));
            login("platform");
            driver.get(url("/cases/" + id));
            click("do-SIGN_AGREEMENT");
            waitFor("agreement-effective");
            stageIs("达成调解协议");
            shot("7e-platform-signed-agreement-in-effect");
            driver.manage().window().setSize(new Dimension(390, 844));

            login("union");
            driver.get(url("/cases/" + id));
            waitFor("do-MARK_PAID");
            click("do-MARK_PAID");
            waitFor("do-DISPOSE");
            driver.findElement(By.id("outcome")).sendKeys("已足额支付");
            click("do-DISPOSE");
            stageIs("已处置");
            shot("7-mediator-case-disposed-phone");

            login("worker");
            driver.get(url("/me/cases/" + id));
            click("rate-5");
            click("send-rating");
            waitFor("my-rating");
            assertThat(driver.findElement(By.id("my-rating")).getText()).isEqualTo("5★");
            assertThat(driver.findElement(By.id("steps")).getText())
                    .contains("提交投诉", "受理", "平台答复", "分派调解员", "开始调解", "拟定调解协议", "签署调解协议", "处置完毕", "评价");
            shot("8-worker-rated-phone");

            login("inspector");
            assertThat(dashboardNumber("cases-total")).isEqualTo(casesBefore + 1);
            assertThat(driver.findElement(By.id("cases-by-outcome")).getText()).contains("AGREEMENT");
            assertThat(driver.findElement(By.id("cases-rating")).getText()).isNotEqualTo("-");
            assertThat(jdbc.sql("SELECT count(rating) FROM case_file")
                            .query(Long.class)
                            .single())
                    .isEqualTo(ratedBefore + 1);
            shot("9-dashboard-case-statistics");
            assertThat(jdbc.sql("SELECT count(*) FROM case_document WHERE case_id = ?")
                            .param(id)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'VIEW_CASE' AND subject LIKE ?")
                            .param("%/case " + id)
                            .query(Long.class)
                            .single())
                    .isGreaterThanOrEqualTo(4);
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }
}
