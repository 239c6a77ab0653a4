package org.gigrights.rules.check;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Consumer;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.Severity;

/**
 * INJURY_COVER: every completed order covered by occupational-injury protection, each platform for
 * its own orders. Per local date of completion, the count of ORDER_COMPLETE events not insured.
 */
public final class InjuryCoverRule implements Rule {
    @Override
    public String code() {
        return "INJURY_COVER";
    }

    @Override
    public Severity severity() {
        return Severity.VIOLATION;
    }

    @Override
    public String citation() {
        return "渝人社发〔2021〕38号 (九); 新就业形态就业人员职业伤害保障办法(试行) (每单必保、每人必保)";
    }

    @Override
    public void evaluate(WorkerHistory history, Consumer<Finding> findings) {
        WorkerEvents ev = history.events();
        int n = ev.size();
        int i = 0;
        // Events are in time order, so each local date is one run of events.
        while (i < n) {
            int day = history.day(i);
            int from = i;
            int total = 0;
            int uncovered = 0;
            for (; i < n && history.day(i) == day; i++) {
                if (history.type(i) == EventType.ORDER_COMPLETE) {
                    total++;
                    if (!ev.insured(i)) {
                        uncovered++;
                    }
                }
            }
            if (uncovered > 0 && history.inFocus(day)) {
                report(history, from, i, total, uncovered, findings);
            }
        }
    }

    private void report(WorkerHistory history, int from, int to, int total, int n, Consumer<Finding> findings) {
        WorkerEvents ev = history.events();
        Evidence ids = new Evidence(ev);
        for (int i = from; i < to; i++) {
            if (history.type(i) == EventType.ORDER_COMPLETE && !ev.insured(i)) {
                ids.add(i);
            }
        }
        String message = Text.format(
                "当日完成 %d 单，其中 %d 单未参加职业伤害保障 | %d of %d completed orders without occupational-injury cover",
                total, n, n, total);
        findings.accept(finding(
                history,
                history.date(from),
                BigDecimal.valueOf(n),
                BigDecimal.ZERO,
                message,
                ids,
                Map.of("completed_orders", Integer.toString(total))));
    }
}
