package org.gigrights.rules.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextTests {
    @Test
    void fillsTemplatesAsStringFormatDoesInTheRootLocale() {
        String template = "当日完成 %d 单，其中 %s 元 | %d of %s";
        Object[] args = {12, new BigDecimal("3.50"), 1234567, "x"};
        assertThat(Text.format(template, args)).isEqualTo(String.format(Locale.ROOT, template, args));
    }

    @Test
    void placeholdersAtTheEdgesAndSideBySideAreFilledToo() {
        assertThat(Text.format("%s%d", "a", 7)).isEqualTo("a7");
        assertThat(Text.format("%d 元，%s", 3, "完")).isEqualTo("3 元，完");
        assertThat(Text.format("无占位")).isEqualTo("无占位");
        assertThatThrownBy(() -> Text.format("100%", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersStayAsciiWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        try {
            Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag("ar-EG-u-nu-arab"));
            assertThat(Text.format("%d 单", 42)).isEqualTo("42 单");
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }

    @Test
    void rejectsTemplatesItCannotFill() {
        assertThatThrownBy(() -> Text.format("%.2f", 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Text.format("%s %s", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Text.format("%s", "a", "b")).isInstanceOf(IllegalArgumentException.class);
    }
}
