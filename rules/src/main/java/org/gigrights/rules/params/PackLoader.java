package org.gigrights.rules.params;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Loads a rule pack from its data files: {@code pack.properties}, {@code parameters.csv},
 * {@code min-wage-hourly.csv}, {@code regions.csv} and one {@code calendar/YYYY.csv} per year.
 */
public final class PackLoader {
    /** Opens a file of the pack by its relative name, or returns null if there is none. */
    @FunctionalInterface
    public interface FileOpener {
        InputStream open(String name) throws IOException;
    }

    private PackLoader() {}

    /** Loads a pack shipped on the classpath under {@code org/gigrights/rules/packs/NAME/}. */
    public static RulePack fromClasspath(String packName) {
        String base = "/org/gigrights/rules/packs/" + packName + "/";
        return load(packName, name -> PackLoader.class.getResourceAsStream(base + name));
    }

    /** Loads a pack from a directory. */
    public static RulePack fromDirectory(Path dir) {
        return load(dir.toString(), name -> {
            Path p = dir.resolve(name);
            return Files.exists(p) ? Files.newInputStream(p) : null;
        });
    }

    /** Loads a pack through a file opener. */
    public static RulePack load(String source, FileOpener files) {
        Properties props = new Properties();
        try (InputStream in = open(files, source, "pack.properties")) {
            props.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = props.getProperty("name", source);
        ZoneId zone = ZoneId.of(props.getProperty("zone", "Asia/Shanghai"));
        int defaultTier =
                Integer.parseInt(props.getProperty("default.tier", "1").trim());

        Map<String, DatedValues<BigDecimal>> scalars = new HashMap<>();
        for (DataTable.Row row : table(files, source, "parameters.csv")) {
            String param = row.require("name");
            LocalDate from = date(row, "effective_from");
            BigDecimal value = decimal(row, "value");
            DatedValues<BigDecimal> old = scalars.get(param);
            scalars.put(param, old == null ? DatedValues.from(from, value) : old.with(from, value));
        }

        Map<Integer, DatedValues<BigDecimal>> wages = new HashMap<>();
        for (DataTable.Row row : table(files, source, "min-wage-hourly.csv")) {
            int tier = Integer.parseInt(row.require("tier"));
            LocalDate from = date(row, "effective_from");
            BigDecimal value = decimal(row, "value");
            DatedValues<BigDecimal> old = wages.get(tier);
            wages.put(tier, old == null ? DatedValues.from(from, value) : old.with(from, value));
        }

        Map<String, Integer> tiers = new HashMap<>();
        for (DataTable.Row row : table(files, source, "regions.csv")) {
            tiers.put(row.require("code"), Integer.parseInt(row.require("min_wage_tier")));
        }

        HolidayCalendar calendar = new HolidayCalendar();
        for (String year : props.getProperty("calendar.years", "").split(",")) {
            if (year.isBlank()) {
                continue;
            }
            calendar.addYear(Integer.parseInt(year.trim()));
            for (DataTable.Row row : table(files, source, "calendar/" + year.trim() + ".csv")) {
                LocalDate d = date(row, "date");
                HolidayCalendar.Kind kind;
                try {
                    kind = HolidayCalendar.Kind.valueOf(row.require("kind"));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(
                            row.source() + ":" + row.line() + ": unknown kind " + row.require("kind"));
                }
                calendar.add(d, kind);
            }
        }
        return new RulePack(name, zone, scalars, Map.of(), wages, tiers, defaultTier, calendar);
    }

    /**
     * Applies per-platform values from a CSV with columns {@code platform,name,effective_from,value}.
     */
    public static RulePack withPlatformFile(RulePack pack, Path csv) {
        List<DataTable.Row> rows;
        try {
            rows = DataTable.read(csv.toString(), Files.newInputStream(csv));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        RulePack out = pack;
        for (DataTable.Row row : rows) {
            out = out.withPlatformValue(
                    row.require("platform"), row.require("name"), date(row, "effective_from"), decimal(row, "value"));
        }
        return out;
    }

    private static InputStream open(FileOpener files, String source, String name) throws IOException {
        InputStream in = files.open(name);
        if (in == null) {
            throw new ParameterException("pack " + source + " has no " + name);
        }
        return in;
    }

    private static List<DataTable.Row> table(FileOpener files, String source, String name) {
        try {
            return DataTable.read(source + "/" + name, open(files, source, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate date(DataTable.Row row, String column) {
        try {
            return LocalDate.parse(row.require(column));
        } catch (DateTimeParseException e) {
            throw new ParameterException(row.source() + ":" + row.line() + ": bad date in " + column);
        }
    }

    private static BigDecimal decimal(DataTable.Row row, String column) {
        try {
            return new BigDecimal(row.require(column));
        } catch (NumberFormatException e) {
            throw new ParameterException(row.source() + ":" + row.line() + ": bad number in " + column);
        }
    }
}
