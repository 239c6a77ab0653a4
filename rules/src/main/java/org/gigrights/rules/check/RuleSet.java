package org.gigrights.rules.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.gigrights.rules.model.Finding;

/** The rules run together over each worker's history. */
public final class RuleSet {
    private final List<Rule> rules;

    public RuleSet(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every rule of the Chongqing pack, in report order. */
    public static RuleSet standard() {
        return new RuleSet(List.of(
                new RestBreakRule(),
                new MinWageRule(),
                new HolidayPayRule(),
                new InjuryCoverRule(),
                new DepositRule(),
                new PayDelayRule(),
                new DailyHoursRule()));
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Runs every rule over one history and counts the worker, its days and its orders without time. */
    public void evaluate(WorkerHistory history, Consumer<Finding> findings) {
        history.counters().increment(Counters.WORKERS);
        long days = 0;
        int last = Integer.MIN_VALUE;
        for (int i = 0; i < history.events().size(); i++) {
            if (history.day(i) != last) {
                last = history.day(i);
                days++;
            }
        }
        history.counters().add(Counters.WORKER_DAYS, days);
        long untimed = history.orders().count() - history.orders().timedCount();
        if (untimed > 0) {
            history.counters().add(Counters.ORDERS_WITHOUT_INTERVAL, untimed);
        }
        for (Rule rule : rules) {
            rule.evaluate(history, findings);
        }
    }

    /** Runs every rule over one history and returns the findings in their written order. */
    public List<Finding> evaluate(WorkerHistory history) {
        List<Finding> out = new ArrayList<>();
        evaluate(history, out::add);
        out.sort(Finding.ORDER);
        return out;
    }
}
