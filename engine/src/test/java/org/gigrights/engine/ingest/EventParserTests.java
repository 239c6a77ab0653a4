package org.gigrights.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.Reason;
import org.gigrights.rules.model.WorkEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventParserTests {
    private static Map<String, String> row(String type, String... kv) {
        Map<String, String> m = new HashMap<>();
        m.put("event_id", "e1");
        m.put("platform", "P1");
        m.put("worker", "W1");
        m.put("type", type);
        m.put("time", "2026-05-01T08:30:00+08:00");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static EventParser.Result parse(Map<String, String> fields) {
        return EventParser.parse(new RawRow("f.csv", 7, "raw", fields, null));
    }

    @Test
    void aCompleteOrderParsesToCentsAndEpochMillis() {
        WorkEvent e = parse(row("ORDER_COMPLETE", "order", "o1", "amount", " 12.5 ", "insured", "TRUE"))
                .event();
        assertThat(e.amountCents()).isEqualTo(1250);
        assertThat(e.insured()).isTrue();
        assertThat(e.timeMillis())
                .isEqualTo(Instant.parse("2026-05-01T00:30:00Z").toEpochMilli());
        assertThat(e.type()).isEqualTo(EventType.ORDER_COMPLETE);
    }

    @Test
    void equivalentTextsGiveEqualEvents() {
        WorkEvent a = parse(row("PAYOUT", "amount", "12.50")).event();
        Map<String, String> other = row("PAYOUT", "amount", "12.5", "region", "ignored-for-payout");
        other.put("time", "2026-05-01T00:30:00Z");
        assertThat(parse(other).event()).isEqualTo(a);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-05-01T08:30:00+08:00, 2026-05-01T00:30:00Z",
        "2026-05-01T08:30+08:00, 2026-05-01T00:30:00Z",
        "2026-05-01 08:30:00+0800, 2026-05-01T00:30:00Z",
        "2026-05-01T00:30:00.1239Z, 2026-05-01T00:30:00.123Z",
        "2026-05-01T08:30:00+08, 2026-05-01T00:30:00Z"
    })
    void acceptedTimeForms(String text, String instant) {
        Map<String, String> r = row("ONLINE");
        r.put("time", text);
        assertThat(parse(r).event().timeMillis())
                .isEqualTo(Instant.parse(instant).toEpochMilli());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ONLINE|time|2026-05-01T08:30:00|NO_OFFSET",
                "ONLINE|time|2026-02-30T08:30:00+08:00|BAD_TIME",
                "ONLINE|time|yesterday|BAD_TIME",
                "ONLINE|time|2026-05-01T08:30:00+19:00|BAD_TIME",
                "PAYOUT|amount|-1|BAD_AMOUNT",
                "PAYOUT|amount|1.234|BAD_AMOUNT",
                "PAYOUT|amount|1e3|BAD_AMOUNT",
                "PAYOUT|amount|'1,000'|BAD_AMOUNT",
                "PAYOUT|amount|''|MISSING_FIELD",
                "ORDER_ACCEPT|region|50010|BAD_REGION",
                "ORDER_COMPLETE|insured|yes|BAD_INSURED",
                "DEDUCTION|reason|TIP|BAD_REASON",
                "INCOME|reason|FINE|BAD_REASON",
                "order_accept|order|o1|UNKNOWN_TYPE",
                "ONLINE|worker|'  '|MISSING_FIELD"
            })
    void rejectsWithTheRightCode(String type, String field, String value, RejectCode code) {
        Map<String, String> r = row(type, "order", "o1", "amount", "1", "region", "500107", "reason", "BONUS");
        r.put(field, value);
        EventParser.Result result = parse(r);
        assertThat(result.event()).isNull();
        assertThat(result.rejection().code()).isEqualTo(code);
        assertThat(result.rejection().line()).isEqualTo(7);
        assertThat(result.rejection().raw()).isEqualTo("raw");
    }

    @Test
    void allProblemsOfARowAreListed() {
        Map<String, String> r = row("INCOME", "amount", "x");
        r.remove("worker");
        EventParser.Result result = parse(r);
        assertThat(result.rejection().code()).isEqualTo(RejectCode.MISSING_FIELD);
        assertThat(result.rejection().detail()).contains("missing worker", "amount 'x'", "missing reason");
    }

    @Test
    void cancelMayCarryNoAmountAndMissingInsuredMeansUncovered() {
        assertThat(parse(row("ORDER_CANCEL", "order", "o1")).event().amountCents())
                .isEqualTo(WorkEvent.NO_AMOUNT);
        assertThat(parse(row("ORDER_COMPLETE", "order", "o1", "amount", "3"))
                        .event()
                        .insured())
                .isFalse();
        assertThat(parse(row("DEDUCTION", "amount", "3", "reason", "DEPOSIT"))
                        .event()
                        .reason())
                .isEqualTo(Reason.DEPOSIT);
    }
}
