package org.gigrights.rules.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One breach found for one worker of one platform.
 *
 * @param rule the rule code, e.g. {@code REST_BREAK}
 * @param severity how serious it is
 * @param platform platform enterprise code
 * @param worker the platform's worker id
 * @param date the local date the finding is about
 * @param value what was measured, in the rule's unit
 * @param threshold what the law requires, in the same unit
 * @param citation document and article the rule comes from
 * @param message a plain-language explanation with the numbers compared
 * @param evidence ids of the events the finding rests on, sorted
 * @param details further numbers that went into the comparison, by name
 */
public record Finding(
        String rule,
        Severity severity,
        String platform,
        String worker,
        LocalDate date,
        BigDecimal value,
        BigDecimal threshold,
        String citation,
        String message,
        List<String> evidence,
        Map<String, String> details) {

    /** The order findings are written in: platform, worker, date, rule, then evidence. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::platform)
            .thenComparing(Finding::worker)
            .thenComparing(Finding::date)
            .thenComparing(Finding::rule)
            .thenComparing(f -> String.join(";", f.evidence()));

    public Finding {
        evidence = EventIds.copyOf(evidence);
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }
}
