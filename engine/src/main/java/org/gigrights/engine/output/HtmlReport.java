package org.gigrights.engine.output;

import static org.gigrights.engine.output.Html.esc;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.ingest.IngestStats;
import org.gigrights.rules.check.Counters;
import org.gigrights.rules.model.Finding;

/** Writes {@code report.html}: a self-contained page a person can open, in Chinese with English. */
public final class HtmlReport {
    private static final int WORST = FindingSummary.WORST;

    private HtmlReport() {}

    public static void write(Path file, AuditResult r) throws IOException {
        write(file, r, FindingSummary.of(r.findings()));
    }

    /** Writes the report from a summary of the findings (which the result need not hold). */
    public static void write(Path file, AuditResult r, FindingSummary s) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(render(r, s));
        }
    }

    static String render(AuditResult r) {
        return render(r, FindingSummary.of(r.findings()));
    }

    static String render(AuditResult r, FindingSummary s) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>平台用工合规审计报告 · Platform work audit</title><style>")
                .append("body{font-family:system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;")
                .append("margin:0 auto;max-width:1100px;padding:1.5rem;color:#111;line-height:1.5}")
                .append("h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:2px solid #234;margin-top:2rem}")
                .append(".en{color:#555;font-size:.9em}table{border-collapse:collapse;width:100%;margin:.5rem 0}")
                .append("th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}")
                .append("th{background:#e8eef4}td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append(".cards{display:flex;flex-wrap:wrap;gap:.8rem}.card{border:1px solid #234;border-radius:6px;")
                .append("padding:.6rem 1rem;min-width:9rem}.card b{display:block;font-size:1.5rem}")
                .append(".bar{background:#b3261e;height:.8rem;display:inline-block}.warn{background:#e0a100}")
                .append("</style></head><body>");
        h.append("<h1>平台用工合规审计报告 <span class=\"en\">Platform work audit report</span></h1>");
        h.append("<p>规则包 Rule pack: <b>")
                .append(esc(r.pack()))
                .append("</b> · 生成时间 Generated: ")
                .append(esc(r.finishedAt()))
                .append("</p>");
        totals(h, r, s);
        byRule(h, s);
        byPlatform(h, r, s);
        worst(h, s);
        inputs(h, r);
        h.append("<p class=\"en\">每条发现的证据事件编号见 findings.jsonl；被拒绝的行见 rejects.csv。")
                .append(" Evidence event ids are in findings.jsonl; rejected rows in rejects.csv.</p>");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void totals(StringBuilder h, AuditResult r, FindingSummary s) {
        IngestStats in = r.ingest();
        h.append("<h2>总览 <span class=\"en\">Totals</span></h2><div class=\"cards\">");
        card(h, "读取行数", "rows read", in.rowsRead());
        card(h, "接收事件", "accepted", in.accepted());
        card(h, "重复", "duplicates", in.duplicates());
        card(h, "拒绝", "rejected", in.rejected());
        card(h, "平台", "platforms", r.periodEnd().size());
        card(h, "劳动者", "workers", r.counters().get(Counters.WORKERS));
        card(h, "人·日", "worker-days", r.counters().get(Counters.WORKER_DAYS));
        card(h, "发现", "findings", s.total());
        h.append("</div>");
    }

    private static void card(StringBuilder h, String zh, String en, long n) {
        h.append("<div class=\"card\"><b>")
                .append(n)
                .append("</b>")
                .append(esc(zh))
                .append(" <span class=\"en\">")
                .append(esc(en))
                .append("</span></div>");
    }

    private static void byRule(StringBuilder h, FindingSummary s) {
        Map<String, Long> counts = s.byRule();
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        h.append("<h2>按规则 <span class=\"en\">By rule</span></h2><table><tr><th>规则 Rule</th><th>数量 Count</th>")
                .append("<th></th><th>依据 Legal source</th></tr>");
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            RuleInfo info = RuleInfo.of(e.getKey());
            h.append("<tr><td>")
                    .append(esc(info.zh()))
                    .append("<br><span class=\"en\">")
                    .append(esc(e.getKey()))
                    .append(" · ")
                    .append(esc(info.en()))
                    .append("</span></td><td class=\"n\">")
                    .append(e.getValue())
                    .append("</td><td><span class=\"bar\" style=\"width:")
                    .append(Math.max(1, 200 * e.getValue() / max))
                    .append("px\"></span></td><td>")
                    .append(esc(s.citation(e.getKey())))
                    .append("</td></tr>");
        }
        if (counts.isEmpty()) {
            h.append("<tr><td colspan=\"4\">未发现违规 <span class=\"en\">No findings</span></td></tr>");
        }
        h.append("</table>");
    }

    private static void byPlatform(StringBuilder h, AuditResult r, FindingSummary s) {
        Map<String, Map<String, Long>> counts = s.byPlatform();
        TreeSet<String> rules = new TreeSet<>(s.byRule().keySet());
        h.append("<h2>按平台 <span class=\"en\">By platform</span></h2><table><tr><th>平台 Platform</th>");
        for (String rule : rules) {
            h.append("<th>")
                    .append(esc(RuleInfo.of(rule).zh()))
                    .append("<br><span class=\"en\">")
                    .append(esc(rule))
                    .append("</span></th>");
        }
        h.append("<th>合计 Total</th></tr>");
        for (String platform : r.periodEnd().keySet()) {
            Map<String, Long> row = counts.getOrDefault(platform, Map.of());
            h.append("<tr><td>").append(esc(platform)).append("</td>");
            long total = 0;
            for (String rule : rules) {
                long n = row.getOrDefault(rule, 0L);
                total += n;
                h.append("<td class=\"n\">").append(n).append("</td>");
            }
            h.append("<td class=\"n\"><b>").append(total).append("</b></td></tr>");
        }
        h.append("</table>");
    }

    private static void worst(StringBuilder h, FindingSummary s) {
        h.append("<h2>最严重的情形 <span class=\"en\">Worst cases</span></h2>");
        for (String rule : s.byRule().keySet()) {
            RuleInfo info = RuleInfo.of(rule);
            List<Finding> list = s.worst(rule);
            h.append("<h3>")
                    .append(esc(info.zh()))
                    .append(" <span class=\"en\">")
                    .append(esc(rule))
                    .append("</span></h3><table><tr><th>平台 Platform</th><th>劳动者 Worker</th><th>日期 Date</th>")
                    .append("<th>测得 Value</th><th>标准 Threshold</th><th>说明 Message</th></tr>");
            for (Finding f : list.subList(0, Math.min(WORST, list.size()))) {
                h.append("<tr><td>")
                        .append(esc(f.platform()))
                        .append("</td><td>")
                        .append(esc(f.worker()))
                        .append("</td><td>")
                        .append(f.date())
                        .append("</td><td class=\"n\">")
                        .append(esc(f.value().toPlainString()))
                        .append("</td><td class=\"n\">")
                        .append(esc(f.threshold().toPlainString()))
                        .append("</td><td>")
                        .append(esc(f.message()))
                        .append("</td></tr>");
            }
            h.append("</table>");
        }
    }

    private static void inputs(StringBuilder h, AuditResult r) {
        h.append("<h2>输入与拒绝 <span class=\"en\">Inputs and rejects</span></h2><table>")
                .append("<tr><th>文件 File</th><th>行数 Rows</th><th>拒绝 Rejected</th></tr>");
        for (Map.Entry<String, IngestStats.FileStats> e : r.ingest().files().entrySet()) {
            h.append("<tr><td>")
                    .append(esc(e.getKey()))
                    .append("</td><td class=\"n\">")
                    .append(e.getValue().rows)
                    .append("</td><td class=\"n\">")
                    .append(e.getValue().rejected)
                    .append("</td></tr>");
        }
        h.append("</table>");
        if (!r.ingest().rejectedByCode().isEmpty()) {
            h.append("<table><tr><th>拒绝原因 Reject reason</th><th>行数 Rows</th></tr>");
            new java.util.TreeMap<>(r.ingest().rejectedByCode()).forEach((code, n) -> h.append("<tr><td>")
                    .append(esc(code))
                    .append("</td><td class=\"n\">")
                    .append(n)
                    .append("</td></tr>"));
            h.append("</table>");
        }
        h.append("<p>未计工时的订单 Orders without a valid interval: ")
                .append(r.counters().get(Counters.ORDERS_WITHOUT_INTERVAL))
                .append(" · 节假日基线不足 Holiday days with a short baseline: ")
                .append(r.counters().get(Counters.HOLIDAY_SHORT_BASELINE))
                .append("</p>");
        if (!r.warnings().isEmpty()) {
            h.append("<h3>警告 <span class=\"en\">Warnings</span></h3><ul>");
            r.warnings().forEach(w -> h.append("<li>").append(esc(w)).append("</li>"));
            h.append("</ul>");
        }
    }
}
