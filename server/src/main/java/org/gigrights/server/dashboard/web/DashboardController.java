package org.gigrights.server.dashboard.web;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.gigrights.server.cases.internal.CaseStats;
import org.gigrights.server.dashboard.internal.DashboardQueries;
import org.gigrights.server.findings.Districts;
import org.gigrights.server.identity.GigrightsUser;
import org.gigrights.server.shared.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 监管驾驶舱: what the data covers and where the findings are. */
@Controller
public class DashboardController {
    private final DashboardQueries queries;
    private final CaseStats cases;

    public DashboardController(DashboardQueries queries, CaseStats cases) {
        this.queries = queries;
        this.cases = cases;
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal GigrightsUser user, Model model) {
        Viewer v = user.viewer();
        model.addAttribute("user", user);
        model.addAttribute("totals", queries.totals(v));
        model.addAttribute("byRule", queries.by(v, "rule"));
        model.addAttribute("byPlatform", queries.by(v, "platform"));
        List<DashboardQueries.Bar> byDistrict = queries.by(v, "district");
        model.addAttribute("byDistrict", byDistrict);
        // Every district of the rule pack's regions table, with zero where there are no findings.
        Map<String, Long> counts = new java.util.HashMap<>();
        byDistrict.forEach(b -> counts.put(b.key(), b.count()));
        model.addAttribute(
                "districtGrid",
                Districts.all().entrySet().stream()
                        .map(e ->
                                new DashboardQueries.Bar(e.getValue(), e.getKey(), counts.getOrDefault(e.getKey(), 0L)))
                        .toList());
        model.addAttribute("caseTotals", cases.totals(v));
        model.addAttribute("casesByStage", cases.by(v, "stage"));
        model.addAttribute("casesByOrigin", cases.by(v, "origin"));
        model.addAttribute("casesByMatter", cases.by(v, "matter"));
        model.addAttribute("casesByPlatform", cases.by(v, "platform"));
        model.addAttribute("casesByOutcome", cases.by(v, "outcome"));
        model.addAttribute("caseStageTimes", cases.stageTimes(v));
        Map<String, Map<String, Long>> trend = queries.trend(v);
        TreeSet<String> days = new TreeSet<>();
        trend.values().forEach(m -> days.addAll(m.keySet()));
        model.addAttribute("trendDays", List.copyOf(days));
        model.addAttribute(
                "trendSeries",
                trend.entrySet().stream()
                        .map(e -> Map.of(
                                "name", e.getKey(),
                                "type", "line",
                                "data",
                                        days.stream()
                                                .map(d -> e.getValue().getOrDefault(d, 0L))
                                                .toList()))
                        .toList());
        return "dashboard";
    }
}
