package org.gigrights.server.findings;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored finding as the API and the pages show it.
 *
 * @param id the finding's id
 * @param district the district code of the worker's day, or null
 * @param firstFoundAt when it was first found
 * @param changedAt when it last changed
 * @param goneAt when later data made it disappear, or null while it stands
 */
public record FindingView(
        long id,
        String rule,
        String severity,
        String platform,
        String worker,
        LocalDate date,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal threshold,
        String citation,
        String message,
        List<String> evidence,
        Map<String, String> details,
        String district,
        Instant firstFoundAt,
        Instant changedAt,
        Instant goneAt) {

    /** The district's name. */
    public String districtName() {
        return Districts.name(district);
    }

    static Map<String, String> parseDetails(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }
}
