package org.gigrights.server.reporting.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Looks up a platform and its secret key by access key. */
@Component
public class PlatformKeys {
    /** A platform's credentials. */
    public record Credentials(String platform, String secret) {}

    private final JdbcClient jdbc;

    public PlatformKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Credentials> byAccessKey(String accessKey) {
        return jdbc.sql("SELECT code, secret_key FROM platform WHERE access_key = ?")
                .param(accessKey)
                .query((rs, n) -> new Credentials(rs.getString(1), rs.getString(2)))
                .optional();
    }
}
