package org.gigrights.rules.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChongqingPackTests {
    private final RulePack pack = RulePack.chongqing();

    @Test
    void hourlyMinimumChangesOnItsEffectiveDate() {
        assertThat(pack.hourlyMinimum(1, LocalDate.parse("2022-03-31"))).isEqualByComparingTo("18");
        assertThat(pack.hourlyMinimum(1, LocalDate.parse("2022-04-01"))).isEqualByComparingTo("21");
        assertThat(pack.hourlyMinimum(2, LocalDate.parse("2026-05-01"))).isEqualByComparingTo("20");
    }

    @Test
    void countiesAreTierTwoAndUnknownCodesTierOne() {
        assertThat(pack.tier("500230")).isEqualTo(2);
        assertThat(pack.tier("500107")).isEqualTo(1);
        assertThat(pack.tier("999999")).isEqualTo(1);
    }

    @Test
    void calendarKnowsStatutoryBridgedAndMakeUpDays() {
        HolidayCalendar c = pack.calendar();
        assertThat(c.isStatutory(LocalDate.parse("2026-05-01"))).isTrue();
        assertThat(c.isStatutory(LocalDate.parse("2026-05-03"))).isFalse();
        assertThat(c.isWorkday(LocalDate.parse("2026-05-04")))
                .as("Monday inside the block")
                .isFalse();
        assertThat(c.isWorkday(LocalDate.parse("2026-05-09")))
                .as("make-up Saturday")
                .isTrue();
        assertThat(c.isWorkday(LocalDate.parse("2026-05-16")))
                .as("ordinary Saturday")
                .isFalse();
        assertThat(c.isStatutory(LocalDate.parse("2025-10-06"))).isTrue();
        assertThat(c.covers(LocalDate.parse("2024-06-01"))).isFalse();
    }

    @Test
    void thirteenStatutoryDaysAYear() {
        for (int year : new int[] {2025, 2026}) {
            long n = LocalDate.of(year, 1, 1)
                    .datesUntil(LocalDate.of(year + 1, 1, 1))
                    .filter(pack.calendar()::isStatutory)
                    .count();
            assertThat(n).as("statutory days in " + year).isEqualTo(13);
        }
    }

    @Test
    void platformValueOverridesThePackFromItsDate() {
        RulePack p = pack.withPlatformValue("P1", Param.PAY_CYCLE_DAYS, LocalDate.parse("2026-01-01"), BigDecimal.TEN);
        assertThat(p.value(Param.PAY_CYCLE_DAYS, "P1", LocalDate.parse("2026-02-01")))
                .isEqualByComparingTo("10");
        assertThat(p.value(Param.PAY_CYCLE_DAYS, "P1", LocalDate.parse("2025-12-31")))
                .isEqualByComparingTo("31");
        assertThat(p.value(Param.PAY_CYCLE_DAYS, "P2", LocalDate.parse("2026-02-01")))
                .isEqualByComparingTo("31");
    }

    @Test
    void unknownParameterIsRefused() {
        assertThatThrownBy(() -> pack.withPlatformValue("P1", "no.such", LocalDate.EPOCH, BigDecimal.ONE))
                .isInstanceOf(ParameterException.class);
    }

    @Test
    void aPackWithoutItsFilesSaysWhichIsMissing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pack.properties"), "name=empty\n");
        assertThatThrownBy(() -> PackLoader.fromDirectory(dir))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("parameters.csv");
    }

    @Test
    void quotedFieldsMayHoldCommas() {
        assertThat(DataTable.split("a,\"b, c\",\"d \"\"e\"\"\"")).containsExactly("a", "b, c", "d \"e\"");
    }
}
