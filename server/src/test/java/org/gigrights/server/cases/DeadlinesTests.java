package org.gigrights.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Working-day and calendar-day deadlines on the official 2026 calendar (春节 02-15..02-23, 调休 02-14 and 02-28). */
class DeadlinesTests {
    final Deadlines d = Deadlines.standard();

    static LocalDate day(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void acceptanceCountsTheMakeUpSaturdayAndSkipsTheSpringFestivalBlock() {
        // 02-13 Fri (1), 02-14 Sat make-up (2), 02-15..02-23 holiday, 02-24 (3), 02-25 (4), 02-26 (5)
        assertThat(d.due("acceptance", day("2026-02-12"))).isEqualTo(day("2026-02-26"));
        // plain Monday-to-Friday counting would have said 02-19, inside the holiday
        assertThat(d.addWorkdays(day("2026-02-12"), 1)).isEqualTo(day("2026-02-13"));
        assertThat(d.addWorkdays(day("2026-02-13"), 1)).isEqualTo(day("2026-02-14"));
        assertThat(d.addWorkdays(day("2026-02-14"), 1)).isEqualTo(day("2026-02-24"));
    }

    @Test
    void theMakeUpWorkdayOfTheTwentyEighthCounts() {
        // 02-26 (1), 02-27 (2), 02-28 Sat make-up (3), 03-02 (4), 03-03 (5)
        assertThat(d.due("acceptance", day("2026-02-25"))).isEqualTo(day("2026-03-03"));
    }

    @Test
    void aCalendarDayPeriodEndingInTheHolidayMovesToTheNextWorkday() {
        // 15 days from 02-01 end on 02-16 (春节), so on 02-24
        assertThat(d.due("mediation", day("2026-02-01"))).isEqualTo(day("2026-02-24"));
        // ending on the make-up Saturday 02-14 stays there
        assertThat(d.due("mediation", day("2026-01-30"))).isEqualTo(day("2026-02-14"));
        // an ordinary Sunday moves to Monday
        assertThat(d.due("mediation", day("2026-03-07"))).isEqualTo(day("2026-03-23"));
    }

    @Test
    void arbitrationAndInspectionWithTheirExtensions() {
        // 45 days from 01-05 end on 02-19 (春节) → 02-24; +15 → 03-06 (Fri)
        assertThat(d.due("arbitration", day("2026-01-05"))).isEqualTo(day("2026-02-24"));
        assertThat(d.dueExtended("arbitration", day("2026-01-05"))).isEqualTo(day("2026-03-06"));
        // 60 working days (+30) from 02-10 across the Spring Festival, Qingming and Labour Day
        assertThat(d.due("inspection", day("2026-02-10"))).isEqualTo(day("2026-05-14"));
        assertThat(d.dueExtended("inspection", day("2026-02-10"))).isEqualTo(day("2026-06-26"));
    }

    @Test
    void anExtensionRunsOnFromThePeriodsOwnEndWithinTheLegalMaximum() {
        assertThat(d.extend("inspection", day("2026-02-10"), 30))
                .isEqualTo(d.dueExtended("inspection", day("2026-02-10")));
        assertThat(d.extend("inspection", day("2026-02-10"), 1)).isEqualTo(day("2026-05-15"));
        // 45 days from 01-05 end on the holiday 02-19 (moved to 02-24); +5 counts from 02-19: 02-24 again
        assertThat(d.extend("arbitration", day("2026-01-05"), 5)).isEqualTo(day("2026-02-24"));
        assertThat(d.extend("arbitration", day("2026-01-05"), 15)).isEqualTo(day("2026-03-06"));
        for (int bad : new int[] {0, 31}) {
            assertThatThrownBy(() -> d.extend("inspection", day("2026-02-10"), bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> d.extend("arbitration", day("2026-01-05"), 16))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.extend("mediation", day("2026-01-05"), 1))
                .as("mediation has no extension")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRuleCitesItsSource() {
        for (String name : new String[] {"acceptance", "mediation", "inspection", "arbitration", "platform_answer"}) {
            assertThat(d.rule(name, day("2026-06-01")).source()).isNotBlank();
        }
        assertThat(d.rule("inspection", day("2026-06-01")).source()).contains("第十七条");
        assertThat(d.warnDays(day("2026-06-01"))).isEqualTo(2);
    }
}
