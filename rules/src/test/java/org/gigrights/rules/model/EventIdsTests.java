package org.gigrights.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evidence ids kept as bytes read back as the strings they were, and behave as a list. */
class EventIdsTests {
    @Test
    void idsComeBackAsTheyWentIn() {
        List<String> ids = List.of("M10K-18-1", "", "é-ÿ-\u0000", "M10K-18-10", "a,\"b\"");
        EventIds kept = EventIds.copyOf(ids);
        assertThat(kept).containsExactlyElementsOf(ids);
        assertThat(kept.get(1)).isEmpty();
        assertThat(kept.get(2)).isEqualTo("é-ÿ-\u0000");
        assertThat(kept).isEqualTo(ids).hasSameHashCodeAs(ids);
        assertThat(ids).isEqualTo(kept);
        assertThat(kept.toArray(String[]::new)).containsExactly(ids.toArray(String[]::new));
    }

    @Test
    void idsBeyondOneByteACharacterAreKeptAsStrings() {
        List<String> ids = List.of("订单-1", "😀", "plain");
        EventIds kept = EventIds.copyOf(ids);
        assertThat(kept).containsExactlyElementsOf(ids).isEqualTo(ids);
        assertThat(kept.toArray()).containsExactly("订单-1", "😀", "plain");
    }

    @Test
    void theListCannotBeChangedAndRefusesNulls() {
        List<String> source = new ArrayList<>(List.of("a", "b"));
        EventIds kept = EventIds.copyOf(source);
        source.set(0, "changed");
        assertThat(kept).containsExactly("a", "b");
        assertThat(EventIds.copyOf(kept)).isSameAs(kept);
        assertThat(EventIds.copyOf(List.of())).isEmpty();
        assertThatThrownBy(() -> kept.add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> kept.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> EventIds.copyOf(java.util.Arrays.asList("a", null)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void idsKeptAsBytesAreCopiedOutAsBytes() {
        EventIds bytes = EventIds.copyOf(List.of("M10K-18-1", "", "é-ÿ"));
        byte[] dst = new byte[16];
        assertThat(bytes.copyLatin1(0, dst, 2)).isEqualTo(9);
        assertThat(new String(dst, 2, 9, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("M10K-18-1");
        assertThat(bytes.copyLatin1(1, dst, 0)).isZero();
        assertThat(bytes.copyLatin1(2, dst, 0)).isEqualTo(3);
        assertThat(new String(dst, 0, 3, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("é-ÿ");
        assertThat(bytes.length(0)).isEqualTo(9);
        assertThat(bytes.length(2)).isEqualTo(3);
        assertThatThrownBy(() -> bytes.copyLatin1(3, dst, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        EventIds strings = EventIds.copyOf(List.of("订单-1", "a"));
        assertThat(strings.copyLatin1(1, dst, 0)).isEqualTo(-1);
        assertThat(strings.length(0)).isEqualTo(4);
    }
}
