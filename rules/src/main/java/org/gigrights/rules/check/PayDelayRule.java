package org.gigrights.rules.check;

import java.util.function.Consumer;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.Severity;

/**
 * PAY_DELAY: earnings paid out within the platform's pay cycle (at least monthly).
 *
 * <p>Each earning (ORDER_COMPLETE, ORDER_CANCEL, INCOME with an amount above zero) is a lot, due
 * {@code pay.cycle_days} after it was earned. PAYOUT and DEDUCTION amounts settle the oldest open
 * lots first; money paid before anything is open is held and settles the next earnings as they come.
 * At one instant, earnings come before settlements. A lot not settled in full by its due time is
 * late; one still open is late once the reporting period ({@link WorkerHistory#asOfMillis()}) passes
 * its due time. Late lots are reported per local date of earning: value = the longest wait in days
 * (to settlement, or to the end of the period for lots still open), threshold = the cycle.
 */
public final class PayDelayRule implements Rule {
    @Override
    public String code() {
        return "PAY_DELAY";
    }

    @Override
    public Severity severity() {
        return Severity.VIOLATION;
    }

    @Override
    public String citation() {
        return "工资支付暂行规定 第七条; 渝人社发〔2021〕38号 (五) (按时足额支付劳动报酬)";
    }

    @Override
    public void evaluate(WorkerHistory history, Consumer<Finding> findings) {
        PayLedger ledger = history.scratch().payDelay;
        ledger.clear();
        ledger.feed(
                history.pack(),
                history.platform(),
                history.events(),
                0,
                history.events().size(),
                false);
        ledger.report(this, history, findings);
    }
}
