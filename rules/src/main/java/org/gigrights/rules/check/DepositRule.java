package org.gigrights.rules.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.Reason;
import org.gigrights.rules.model.Severity;

/** DEPOSIT: no deposit or guarantee money taken from workers; each DEPOSIT deduction is a finding. */
public final class DepositRule implements Rule {
    @Override
    public String code() {
        return "DEPOSIT";
    }

    @Override
    public Severity severity() {
        return Severity.VIOLATION;
    }

    @Override
    public String citation() {
        return "渝人社发〔2021〕38号 (四); 劳动合同法 第九条、第八十四条";
    }

    @Override
    public void evaluate(WorkerHistory history, Consumer<Finding> findings) {
        WorkerEvents ev = history.events();
        for (int i = 0; i < ev.size(); i++) {
            if (history.type(i) == EventType.DEDUCTION
                    && ev.reason(i) == Reason.DEPOSIT
                    && history.inFocus(history.day(i))) {
                BigDecimal amount = WorkerHistory.yuan(ev.amountOrZero(i));
                String message = Text.format(
                        "收取押金 %s 元（不得向劳动者收取押金或保证金）| deposit of %s CNY taken from the worker", amount, amount);
                findings.accept(finding(
                        history, history.date(i), amount, BigDecimal.ZERO, message, List.of(ev.eventId(i)), Map.of()));
            }
        }
    }
}
