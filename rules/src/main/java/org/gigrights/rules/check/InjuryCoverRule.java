package org.gigrights.rules.check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        Map<LocalDate, List<String>> uninsured = new TreeMap<>();
        Map<LocalDate, Integer> completed = new TreeMap<>();
        WorkerEvents ev = history.events();
        for (int i = 0; i < ev.size(); i++) {
            if (ev.type(i) == EventType.ORDER_COMPLETE) {
                LocalDate d = history.date(i);
                completed.merge(d, 1, Integer::sum);
                if (!ev.insured(i)) {
                    uninsured.computeIfAbsent(d, k -> new ArrayList<>()).add(ev.eventId(i));
                }
            }
        }
        for (Map.Entry<LocalDate, List<String>> entry : uninsured.entrySet()) {
            int n = entry.getValue().size();
            int total = completed.get(entry.getKey());
            String message = String.format(
                    "当日完成 %d 单，其中 %d 单未参加职业伤害保障 | %d of %d completed orders without occupational-injury cover",
                    total, n, n, total);
            findings.accept(finding(
                    history,
                    entry.getKey(),
                    BigDecimal.valueOf(n),
                    BigDecimal.ZERO,
                    message,
                    entry.getValue(),
                    Map.of("completed_orders", Integer.toString(total))));
        }
    }
}
