package org.gigrights.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gigrights.server.TestDatabase;
import org.gigrights.server.WebSession;
import org.gigrights.server.identity.Accounts;
import org.gigrights.server.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The security baseline and the personal-data rules over HTTP, as a browser would: lockout, district
 * scope, exports (CSV and Excel, formula injection, masking), the audit log and its admin page,
 * account administration, the union mediator's home, htmx partial lists and the English pages.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gigrights.demo.enabled=true",
            "gigrights.demo.workers=60",
            "gigrights.demo.days=10",
            "gigrights.security.max-failed-logins=3"
        })
class AccessAndExportsIT {
    static final String PLATFORM = "91500000MA60DLV02Y";
    static final String PW = "demo2026";

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        r.add("gigrights.db.data-dir", () -> TestDatabase.fresh("access"));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    WebSession as(String user) {
        WebSession s = new WebSession(port);
        assertThat(s.login(user, PW)).as("login of " + user).isEqualTo("/");
        return s;
    }

    long audits(String user, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE username = ? AND action = ?")
                .params(user, action)
                .query(Long.class)
                .single();
    }

    @Test
    void anAccountLocksAfterRepeatedFailedLogins() {
        accounts.create("locktest", "right-password-1", Role.MEDIATOR, "lock test", null, null, null, null, null);
        WebSession s = new WebSession(port);
        for (int i = 0; i < 3; i++) {
            assertThat(s.login("locktest", "wrong")).isEqualTo("/login?error");
        }
        assertThat(s.login("locktest", "right-password-1")).as("locked now").isEqualTo("/login?error");
        assertThat(jdbc.sql("SELECT locked_until > now() FROM account WHERE username = 'locktest'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        // An admin's password reset clears the lockout; the new password works.
        WebSession admin = as("admin");
        admin.get("/admin/accounts");
        assertThat(admin.post("/admin/accounts/locktest/password", Map.of()).statusCode())
                .isEqualTo(302);
        String shown = shownPassword(admin.get("/admin/accounts").body());
        assertThat(new WebSession(port).login("locktest", shown)).isEqualTo("/");
    }

    @Test
    void anInspectorOfOneDistrictCannotOpenAFindingOfAnother() {
        long mine = jdbc.sql("SELECT min(id) FROM finding WHERE district = '500112' AND gone_at IS NULL")
                .query(Long.class)
                .single();
        Map<String, Object> other = jdbc.sql(
                        "SELECT id, platform, worker FROM finding WHERE district <> '500112' AND gone_at IS NULL"
                                + " AND NOT EXISTS (SELECT 1 FROM worker_day d WHERE d.platform = finding.platform"
                                + " AND d.worker = finding.worker AND d.district = '500112') ORDER BY id LIMIT 1")
                .query()
                .singleRow();
        WebSession yubei = as("yubei");
        assertThat(yubei.get("/findings/" + mine).statusCode()).isEqualTo(200);
        HttpResponse<String> denied = yubei.get("/findings/" + other.get("id"));
        assertThat(denied.statusCode()).isEqualTo(404);
        assertThat(denied.body()).contains("NOT_FOUND").doesNotContain("finding-title");
        assertThat(yubei.get("/workers/" + other.get("platform") + "/" + other.get("worker"))
                        .statusCode())
                .isEqualTo(404);
        // The list and the export hold only the district's findings.
        String csv = new String(yubei.bytes("/findings/export.csv").body(), StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1)).isNotEmpty().allMatch(l -> l.contains("渝北区"));
        // The city-wide inspector opens both.
        WebSession city = as("inspector");
        assertThat(city.get("/findings/" + other.get("id")).statusCode()).isEqualTo(200);
        assertThat(audits("yubei", "VIEW_FINDING")).isEqualTo(1);
    }

    @Test
    void platformExportsEscapeFormulasMaskNumbersAndAreAudited() throws Exception {
        WebSession p = as("platform");
        p.get("/platform");
        String file = "event_id,platform,worker,type,time,order,amount,region,insured,reason\n"
                + "x1," + PLATFORM + ",XW1,ORDER_ACCEPT,2026-04-21T10:00:00+08:00,xo1,,500112,,\n"
                + "x2," + PLATFORM + ",XW1,ORDER_COMPLETE,2026-04-21T10:30:00+08:00,xo1,5.00,,false,\n"
                + "=1+2," + PLATFORM + ",XW1,ORDER_ACCEPT,2026-04-21T11:00:00,xo2,,500112,,"
                + "id 500112199001011234 tel 13800138000\n";
        HttpResponse<String> up = p.upload("/platform/upload", "x.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(up.statusCode()).isEqualTo(302);
        String job = up.headers().firstValue("Location").orElseThrow();
        assertThat(job).contains("/platform/jobs/");
        String status = "";
        for (int i = 0; i < 100 && !status.contains("id=\"accepted\""); i++) {
            Thread.sleep(200);
            status = p.get(job.substring(job.indexOf("/platform")), Map.of("HX-Request", "true"))
                    .body();
        }
        assertThat(status).contains("id=\"job-status\"", "100%").doesNotContain("hx-trigger");
        Matcher batch = Pattern.compile("/platform/batches/([0-9a-f-]{36})").matcher(status);
        assertThat(batch.find()).isTrue();

        String page = p.get("/platform/batches/" + batch.group(1)).body();
        assertThat(page).contains("5001**********1234", "138****8000").doesNotContain("13800138000");
        assertThat(audits("platform", "VIEW_BATCH")).isEqualTo(1);

        String csv = new String(p.bytes("/platform/export/rejects.csv").body(), StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith("\uFEFFbatch,platform,line,code,detail,raw")
                .contains(",\"'=1+2,")
                .contains("5001**********1234")
                .doesNotContain("500112199001011234", "13800138000");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(
                p.bytes("/platform/export/rejects.xlsx").body()))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(5)).isEqualTo("raw");
            assertThat(rows).anySatisfy(r -> assertThat(r.getCellText(5))
                    .startsWith("'=1+2,")
                    .contains("138****8000")
                    .doesNotContain("13800138000"));
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(
                p.bytes("/platform/export/batches.xlsx").body()))) {
            assertThat(wb.getFirstSheet().read()).hasSizeGreaterThan(1);
        }
        long mine = jdbc.sql("SELECT count(*) FROM finding WHERE platform = ? AND gone_at IS NULL")
                .param(PLATFORM)
                .query(Long.class)
                .single();
        try (ReadableWorkbook wb = new ReadableWorkbook(
                new ByteArrayInputStream(p.bytes("/findings/export.xlsx").body()))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize((int) mine + 1);
            assertThat(rows.get(0).getCellText(1)).isEqualTo("rule");
            assertThat(rows.subList(1, rows.size()))
                    .allSatisfy(r -> assertThat(r.getCellText(3)).isEqualTo(PLATFORM));
        }
        assertThat(audits("platform", "EXPORT_REJECTS_CSV")).isEqualTo(1);
        assertThat(audits("platform", "EXPORT_REJECTS_XLSX")).isEqualTo(1);
        assertThat(audits("platform", "EXPORT_FINDINGS_XLSX")).isEqualTo(1);

        // The admin sees the full numbers.
        String full =
                new String(as("admin").bytes("/platform/export/rejects.csv").body(), StandardCharsets.UTF_8);
        assertThat(full).contains("500112199001011234");
    }

    @Test
    void theAuditLogPageIsForAdminsAndFiltersByUserAndDay() {
        WebSession union = as("union");
        long worker = jdbc.sql("SELECT min(id) FROM finding WHERE gone_at IS NULL")
                .query(Long.class)
                .single();
        assertThat(union.get("/findings/" + worker).statusCode()).isEqualTo(200);
        assertThat(union.get("/admin/audit").statusCode()).isEqualTo(403);

        WebSession admin = as("admin");
        String page = admin.get("/admin/audit?username=union").body();
        assertThat(page).contains("VIEW_FINDING", "/finding " + worker);
        assertThat(count(page)).isPositive();
        String tomorrow = LocalDate.now().plusDays(2).toString();
        assertThat(count(admin.get("/admin/audit?username=union&from=" + tomorrow)
                        .body()))
                .isZero();
        HttpResponse<String> partial = admin.get("/admin/audit?username=union", Map.of("HX-Request", "true"));
        assertThat(partial.body()).contains("id=\"results\"").doesNotContain("<html");
    }

    @Test
    void anAdminCreatesDisablesAndReEnablesAccountsWithoutDefaultPasswords() {
        WebSession admin = as("admin");
        admin.get("/admin/accounts");
        HttpResponse<String> created = admin.post(
                "/admin/accounts",
                Map.of("username", "jiangbei", "displayName", "江北区监察员", "role", "INSPECTOR", "district", "500105"));
        assertThat(created.statusCode()).isEqualTo(302);
        String list = admin.get("/admin/accounts").body();
        String password = shownPassword(list);
        assertThat(password).hasSize(16).isNotEqualTo(PW);
        assertThat(new WebSession(port).login("jiangbei", password)).isEqualTo("/");
        assertThat(admin.get("/admin/accounts").body()).doesNotContain("password-value");

        assertThat(admin.post("/admin/accounts/jiangbei/disable", Map.of("disabled", "true"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(new WebSession(port).login("jiangbei", password)).isEqualTo("/login?error");
        admin.get("/admin/accounts");
        admin.post("/admin/accounts/jiangbei/disable", Map.of("disabled", "false"));
        assertThat(new WebSession(port).login("jiangbei", password)).isEqualTo("/");
        assertThat(audits("admin", "CREATE_ACCOUNT")).isEqualTo(1);
        assertThat(audits("admin", "DISABLE_ACCOUNT")).isEqualTo(1);
        assertThat(as("inspector").get("/admin/accounts").statusCode()).isEqualTo(403);
    }

    @Test
    void theUnionMediatorSeesWorkersInScopeAndEachViewIsAudited() {
        WebSession union = new WebSession(port);
        assertThat(union.login("union", PW)).isEqualTo("/");
        assertThat(union.get("/").headers().firstValue("Location").orElse("")).endsWith("/union");
        String home = union.get("/union").body();
        Matcher m = Pattern.compile("href=\"/workers/([^/\"]+)/([^\"]+)\"").matcher(home);
        assertThat(m.find()).isTrue();
        HttpResponse<String> record = union.get("/workers/" + m.group(1) + "/" + m.group(2));
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(record.body()).contains("worker-title");
        assertThat(audits("union", "VIEW_WORKER")).isEqualTo(1);
        // The demo worker's own numbers are masked for the mediator.
        Map<String, Object> w = jdbc.sql("SELECT platform, worker FROM account WHERE username = 'worker'")
                .query()
                .singleRow();
        String mine = union.get("/workers/" + w.get("platform") + "/" + w.get("worker"))
                .body();
        assertThat(mine).contains("5001**********1234", "138****8000").doesNotContain("13800138000");
        assertThat(as("platform").get("/union").statusCode()).isEqualTo(403);
    }

    @Test
    void findingListsSwapOnlyTheirResultsForHtmxAndPagesSpeakEnglish() {
        WebSession s = as("inspector");
        HttpResponse<String> partial =
                s.get("/findings?rule=MIN_WAGE&sort=value&dir=asc", Map.of("HX-Request", "true"));
        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(partial.body()).startsWith("<div id=\"results\"").doesNotContain("<html", "<form");
        assertThat(s.get("/findings?rule=MIN_WAGE").body()).contains("<html", "hx-get", "id=\"results\"");

        String en = s.get("/dashboard?lang=en").body();
        assertThat(en).contains("Dashboard", "Districts", "Open findings").doesNotContain("监管驾驶舱", "未解决发现");
        String findings = s.get("/findings").body();
        assertThat(findings).contains("Export Excel").doesNotContain("导出");
        String zh = s.get("/dashboard?lang=zh_CN").body();
        assertThat(zh).contains("监管驾驶舱", "区县分布图");
    }

    static String shownPassword(String page) {
        Matcher m = Pattern.compile("id=\"password-value\">([^<]+)<").matcher(page);
        assertThat(m.find()).as("a new password is shown").isTrue();
        return m.group(1);
    }

    static long count(String auditPage) {
        Matcher m = Pattern.compile("id=\"audit-total\">(\\d+)<").matcher(auditPage);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
