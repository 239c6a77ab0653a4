package org.gigrights.rules.check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.Severity;

/** One legal rule, run over one worker's history. */
public interface Rule {
    /** The stable rule code, e.g. {@code REST_BREAK}. */
    String code();

    /** How serious a breach of this rule is. */
    Severity severity();

    /** The document and article this rule comes from. */
    String citation();

    /** Reports every breach in the history. */
    void evaluate(WorkerHistory history, Consumer<Finding> findings);

    /** A finding of this rule for the history's worker. */
    default Finding finding(
            WorkerHistory history,
            LocalDate date,
            BigDecimal value,
            BigDecimal threshold,
            String message,
            Collection<String> evidence,
            Map<String, String> details) {
        List<String> ids = new ArrayList<>(evidence);
        Collections.sort(ids);
        // An event may be evidence twice (e.g. an order's end also counted as pay): keep it once.
        int n = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (n == 0 || !ids.get(i).equals(ids.get(n - 1))) {
                ids.set(n++, ids.get(i));
            }
        }
        ids.subList(n, ids.size()).clear();
        return withIds(history, date, value, threshold, message, ids, details);
    }

    /** A finding of this rule with evidence named by event index: ids sorted and each once. */
    default Finding finding(
            WorkerHistory history,
            LocalDate date,
            BigDecimal value,
            BigDecimal threshold,
            String message,
            Evidence evidence,
            Map<String, String> details) {
        return withIds(history, date, value, threshold, message, evidence.ids(), details);
    }

    /** The finding, its ids already sorted and each once. */
    private Finding withIds(
            WorkerHistory history,
            LocalDate date,
            BigDecimal value,
            BigDecimal threshold,
            String message,
            List<String> ids,
            Map<String, String> details) {
        return new Finding(
                code(),
                severity(),
                history.platform(),
                history.worker(),
                date,
                value,
                threshold,
                citation(),
                message,
                ids,
                details);
    }
}
