package org.gigrights.engine.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gigrights.rules.model.Finding;

/**
 * What the summary and the report need of the findings, gathered one finding at a time: counts by
 * rule and platform, each rule's citation, and each rule's worst findings. The streaming audit
 * writes findings as it makes them and keeps only this.
 */
public final class FindingSummary {
    /** How many of each rule's worst findings the report lists. */
    static final int WORST = 10;

    private long total;
    private final Map<String, long[]> byRule = new HashMap<>();
    private final Map<String, Map<String, long[]>> byPlatform = new HashMap<>();
    private final Map<String, String> citations = new HashMap<>();
    private final Map<String, List<Finding>> worst = new HashMap<>();

    /** The summary of findings given all at once. */
    public static FindingSummary of(Iterable<Finding> findings) {
        FindingSummary s = new FindingSummary();
        for (Finding f : findings) {
            s.add(f);
        }
        return s;
    }

    /** Counts one more finding. */
    public void add(Finding f) {
        total++;
        byRule.computeIfAbsent(f.rule(), k -> new long[1])[0]++;
        byPlatform.computeIfAbsent(f.platform(), p -> new HashMap<>()).computeIfAbsent(f.rule(), k -> new long[1])[0]++;
        citations.putIfAbsent(f.rule(), f.citation());
        List<Finding> list = worst.computeIfAbsent(f.rule(), k -> new ArrayList<>(WORST + 1));
        Comparator<Finding> order = worstFirst(f.rule());
        // Kept sorted as they come, the first WORST in that order: as sorting them all would give.
        if (list.size() == WORST && order.compare(f, list.get(WORST - 1)) >= 0) {
            return;
        }
        int at = list.size();
        while (at > 0 && order.compare(f, list.get(at - 1)) < 0) {
            at--;
        }
        list.add(at, f);
        if (list.size() > WORST) {
            list.remove(WORST);
        }
    }

    private static Comparator<Finding> worstFirst(String rule) {
        Comparator<Finding> c = Comparator.comparing(Finding::value);
        return (RuleInfo.of(rule).higherIsWorse() ? c.reversed() : c).thenComparing(Finding.ORDER);
    }

    public long total() {
        return total;
    }

    /** Findings counted by rule, sorted by rule. */
    public Map<String, Long> byRule() {
        Map<String, Long> out = new TreeMap<>();
        byRule.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    /** Findings counted by platform, then rule; both sorted. */
    public Map<String, Map<String, Long>> byPlatform() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        byPlatform.forEach((p, rules) -> {
            Map<String, Long> m = new TreeMap<>();
            rules.forEach((k, v) -> m.put(k, v[0]));
            out.put(p, m);
        });
        return out;
    }

    /** The citation of a rule that has findings. */
    public String citation(String rule) {
        return citations.get(rule);
    }

    /** A rule's worst findings, worst first, at most {@value #WORST}. */
    public List<Finding> worst(String rule) {
        return List.copyOf(worst.getOrDefault(rule, List.of()));
    }
}
