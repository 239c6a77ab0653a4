package org.gigrights.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.gigrights.rules.model.EventIds;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.Reason;
import org.junit.jupiter.api.Test;

/** Evidence named by event index comes out as the events' ids, sorted as strings, each once. */
class EvidenceTests {
    private static final String[] PARTS = {"W1", "-", "1", "10", "9", "é", "订单", "\uE000", "😀", "a,\"b"};

    @Test
    void idsAreSortedAndEachOnce() {
        Random random = new Random(5);
        for (int round = 0; round < 500; round++) {
            String[] ids = new String[1 + random.nextInt(60)];
            for (int i = 0; i < ids.length; i++) {
                // Some events share an id, as the same event named twice would.
                ids[i] = i > 0 && random.nextInt(5) == 0 ? ids[random.nextInt(i)] : id(random);
            }
            Evidence evidence = new Evidence(events(ids));
            TreeSet<String> expected = new TreeSet<>();
            for (int k = 0, n = random.nextInt(80); k < n; k++) {
                int i = random.nextInt(ids.length);
                evidence.add(i);
                expected.add(ids[i]);
            }
            assertThat(evidence.ids()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aBuilderTurnsToStringsAtTheFirstWideCharacter() {
        byte[] bytes = "xW1-9y".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        EventIds.Builder b = new EventIds.Builder();
        b.addLatin1(bytes, 1, 4).add("é-1").add("订单-2").addLatin1(bytes, 0, 1).add("");
        assertThat(b.build()).containsExactly("W1-9", "é-1", "订单-2", "x", "");
        assertThat(new EventIds.Builder().build()).isEmpty();
        EventIds.Builder many = new EventIds.Builder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add("id-" + i);
            expected.add("id-" + i);
        }
        assertThat(many.build()).isEqualTo(expected);
    }

    private static String id(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            s.append(PARTS[random.nextInt(PARTS.length)]);
        }
        return s.toString();
    }

    /** Events that have ids and nothing else the evidence reads. */
    private static WorkerEvents events(String[] ids) {
        return new WorkerEvents() {
            @Override
            public int size() {
                return ids.length;
            }

            @Override
            public EventType type(int i) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long time(int i) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long amount(int i) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int region(int i) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean insured(int i) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Reason reason(int i) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long order(int i) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String eventId(int i) {
                return ids[i];
            }
        };
    }
}
