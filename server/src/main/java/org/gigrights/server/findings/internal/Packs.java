package org.gigrights.server.findings.internal;

import org.gigrights.rules.params.RulePack;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rule pack of a platform: the Chongqing pack plus the platform's own parameters. */
@Component
public class Packs {
    private final RulePack base = RulePack.chongqing();
    private final JdbcClient jdbc;

    public Packs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public RulePack forPlatform(String platform) {
        RulePack[] pack = {base};
        jdbc.sql("SELECT name, effective_from, value FROM platform_param WHERE platform = ? ORDER BY effective_from")
                .param(platform)
                .query(rs -> {
                    pack[0] = pack[0].withPlatformValue(
                            platform, rs.getString(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3));
                });
        return pack[0];
    }

    public RulePack base() {
        return base;
    }
}
