package org.gigrights.rules.params;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A region's rule parameters: scalar values by date (optionally per platform), hourly minimum
 * wages by tier and date, the region-to-tier table and the holiday calendar.
 */
public final class RulePack {
    private final String name;
    private final ZoneId zone;
    private final Map<String, DatedValues<BigDecimal>> scalars;
    private final Map<String, Map<String, DatedValues<BigDecimal>>> perPlatform;
    private final Map<Integer, DatedValues<BigDecimal>> hourlyMinimumByTier;
    private final Map<String, Integer> tierByRegion;
    private final int defaultTier;
    private final HolidayCalendar calendar;
    // Region codes as numbers, sorted, with their tiers: a lookup per worker-day without boxing.
    private final int[] tierCodes;
    private final int[] tierOfCode;
    private final long fixedFrom;
    private final long fixedOffsetMillis;

    RulePack(
            String name,
            ZoneId zone,
            Map<String, DatedValues<BigDecimal>> scalars,
            Map<String, Map<String, DatedValues<BigDecimal>>> perPlatform,
            Map<Integer, DatedValues<BigDecimal>> hourlyMinimumByTier,
            Map<String, Integer> tierByRegion,
            int defaultTier,
            HolidayCalendar calendar) {
        this.name = name;
        this.zone = zone;
        this.scalars = interned(scalars);
        Map<String, Map<String, DatedValues<BigDecimal>>> own = new HashMap<>();
        perPlatform.forEach((platform, values) -> own.put(platform, interned(values)));
        this.perPlatform = Map.copyOf(own);
        this.hourlyMinimumByTier = Map.copyOf(hourlyMinimumByTier);
        this.tierByRegion = Map.copyOf(tierByRegion);
        this.defaultTier = defaultTier;
        this.calendar = calendar;
        Map<Integer, Integer> byCode = new TreeMap<>();
        tierByRegion.forEach((code, tier) -> byCode.put(Integer.parseInt(code), tier));
        tierCodes = new int[byCode.size()];
        tierOfCode = new int[byCode.size()];
        int k = 0;
        for (Map.Entry<Integer, Integer> e : byCode.entrySet()) {
            tierCodes[k] = e.getKey();
            tierOfCode[k++] = e.getValue();
        }
        var rules = zone.getRules();
        var last = rules.previousTransition(Instant.parse("2200-01-01T00:00:00Z"));
        var next = last == null ? null : rules.nextTransition(last.getInstant());
        if (next == null) {
            fixedFrom = last == null ? Long.MIN_VALUE : last.getInstant().toEpochMilli();
            fixedOffsetMillis =
                    rules.getOffset(Instant.parse("2200-01-01T00:00:00Z")).getTotalSeconds() * 1000L;
        } else {
            fixedFrom = Long.MAX_VALUE;
            fixedOffsetMillis = 0;
        }
    }

    /** The Chongqing pack shipped with the rules. */
    public static RulePack chongqing() {
        return PackLoader.fromClasspath("chongqing");
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    public HolidayCalendar calendar() {
        return calendar;
    }

    /** The local date of an instant as an epoch day; fast once the zone has no more transitions. */
    public int epochDay(long epochMillis) {
        if (epochMillis >= fixedFrom) {
            return (int) Math.floorDiv(epochMillis + fixedOffsetMillis, 86_400_000L);
        }
        return (int) localDate(epochMillis).toEpochDay();
    }

    /** The local date of an instant in the pack's time zone. */
    public LocalDate localDate(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
    }

    /** Epoch milliseconds of local midnight starting a date. */
    public long startOfDay(LocalDate date) {
        return startOfDay(date.toEpochDay());
    }

    /** Epoch milliseconds of local midnight starting a date given as an epoch day. */
    public long startOfDay(long epochDay) {
        long fast = epochDay * 86_400_000L - fixedOffsetMillis;
        if (fast >= fixedFrom) {
            return fast;
        }
        return LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /**
     * A scalar parameter in force on a date, the platform's own value first.
     *
     * @throws ParameterException when no value is in force on that date
     */
    public BigDecimal value(String param, String platform, LocalDate date) {
        return value(param, platform, date.toEpochDay());
    }

    /**
     * A scalar parameter in force on a date given as an epoch day, the platform's own value first.
     *
     * @throws ParameterException when no value is in force on that date
     */
    public BigDecimal value(String param, String platform, long epochDay) {
        Map<String, DatedValues<BigDecimal>> own = perPlatform.get(platform);
        if (own != null) {
            DatedValues<BigDecimal> values = own.get(param);
            BigDecimal v = values == null ? null : values.at(epochDay);
            if (v != null) {
                return v;
            }
        }
        DatedValues<BigDecimal> values = scalars.get(param);
        BigDecimal v = values == null ? null : values.at(epochDay);
        if (v == null) {
            throw new ParameterException(
                    "no value of " + param + " in force on " + LocalDate.ofEpochDay(epochDay) + " in pack " + name);
        }
        return v;
    }

    /**
     * The largest value a scalar parameter takes on any date for any platform: how far back a rule
     * may look, for state that must cover every date it may be asked about.
     *
     * @throws ParameterException when the pack has no value of that parameter
     */
    public BigDecimal largest(String param) {
        DatedValues<BigDecimal> values = scalars.get(param);
        if (values == null) {
            throw new ParameterException("unknown parameter " + param);
        }
        List<BigDecimal> all = new ArrayList<>(values.all());
        for (Map<String, DatedValues<BigDecimal>> own : perPlatform.values()) {
            DatedValues<BigDecimal> mine = own.get(param);
            if (mine != null) {
                all.addAll(mine.all());
            }
        }
        BigDecimal max = all.stream().max(BigDecimal::compareTo).orElse(null);
        if (max == null) {
            throw new ParameterException("no value of " + param + " in pack " + name);
        }
        return max;
    }

    /** The minimum-wage tier of a 6-digit region code; unknown codes fall in the default tier. */
    public int tier(String region) {
        return region == null ? defaultTier : tierByRegion.getOrDefault(region, defaultTier);
    }

    /** The minimum-wage tier of a region code given as a number (-1 for none). */
    public int tier(int region) {
        int k = Arrays.binarySearch(tierCodes, region);
        return k >= 0 ? tierOfCode[k] : defaultTier;
    }

    /**
     * The hourly minimum wage (CNY) of a tier on a date.
     *
     * @throws ParameterException when none is in force
     */
    public BigDecimal hourlyMinimum(int tier, LocalDate date) {
        return hourlyMinimum(tier, date.toEpochDay());
    }

    /**
     * The hourly minimum wage (CNY) of a tier on a date given as an epoch day.
     *
     * @throws ParameterException when none is in force
     */
    public BigDecimal hourlyMinimum(int tier, long epochDay) {
        DatedValues<BigDecimal> values = hourlyMinimumByTier.get(tier);
        BigDecimal v = values == null ? null : values.at(epochDay);
        if (v == null) {
            throw new ParameterException(
                    "no hourly minimum wage for tier " + tier + " on " + LocalDate.ofEpochDay(epochDay));
        }
        return v;
    }

    /**
     * The map with its names interned. Rules ask by string literals, which are interned, so a
     * lookup then matches by identity instead of comparing the characters of a long name (about 1 %
     * of a 10 M-event audit's CPU before).
     */
    private static <V> Map<String, V> interned(Map<String, V> byName) {
        Map<String, V> copy = new HashMap<>();
        byName.forEach((k, v) -> copy.put(k.intern(), v));
        return Map.copyOf(copy);
    }

    /** A copy of this pack with a platform's own value of a parameter from a date. */
    public RulePack withPlatformValue(String platform, String param, LocalDate effective, BigDecimal value) {
        Objects.requireNonNull(platform, "platform");
        if (!scalars.containsKey(param)) {
            throw new ParameterException("unknown parameter " + param);
        }
        Map<String, Map<String, DatedValues<BigDecimal>>> copy = new HashMap<>(perPlatform);
        Map<String, DatedValues<BigDecimal>> own = new HashMap<>(copy.getOrDefault(platform, Map.of()));
        DatedValues<BigDecimal> old = own.get(param);
        own.put(param, old == null ? DatedValues.from(effective, value) : old.with(effective, value));
        copy.put(platform, own);
        return new RulePack(name, zone, scalars, copy, hourlyMinimumByTier, tierByRegion, defaultTier, calendar);
    }
}
