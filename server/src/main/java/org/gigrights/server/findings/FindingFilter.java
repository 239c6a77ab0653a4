package org.gigrights.server.findings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a finding list shows: filters, sort and page. Every value may be null (no filter).
 *
 * @param sort one of {@code date}, {@code rule}, {@code platform}, {@code worker}, {@code value}, {@code district}
 * @param page 0-based page
 */
public record FindingFilter(
        String rule,
        String platform,
        String district,
        String worker,
        LocalDate from,
        LocalDate to,
        String sort,
        boolean desc,
        int page,
        int size) {
    private static final Set<String> SORTS = Set.of("date", "rule", "platform", "worker", "value", "district");

    public static FindingFilter all() {
        return new FindingFilter(null, null, null, null, null, null, "date", true, 0, 50);
    }

    /** The WHERE conditions (after a leading true) and their parameters, for alias {@code f}. */
    String where(List<Object> params) {
        StringBuilder sb = new StringBuilder(" AND f.gone_at IS NULL");
        add(sb, params, "f.rule = ?", blank(rule));
        add(sb, params, "f.platform = ?", blank(platform));
        add(sb, params, "f.district = ?", blank(district));
        add(sb, params, "f.worker = ?", blank(worker));
        add(sb, params, "f.date >= ?", from == null ? null : java.sql.Date.valueOf(from));
        add(sb, params, "f.date <= ?", to == null ? null : java.sql.Date.valueOf(to));
        return sb.toString();
    }

    String orderBy() {
        String column = SORTS.contains(sort) ? sort : "date";
        String dir = desc ? " DESC" : " ASC";
        return " ORDER BY f." + column + dir + ", f.id" + dir;
    }

    int safeSize() {
        return Math.max(1, Math.min(size <= 0 ? 50 : size, 500));
    }

    private static Object blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void add(StringBuilder sb, List<Object> params, String condition, Object value) {
        if (value != null) {
            sb.append(" AND ").append(condition);
            params.add(value);
        }
    }

    /** A copy on another page. */
    public FindingFilter withPage(int p) {
        return new FindingFilter(rule, platform, district, worker, from, to, sort, desc, p, size);
    }

    static List<Object> newParams() {
        return new ArrayList<>();
    }
}
