package org.gigrights.server.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.gigrights.server.GigrightsProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed logins; locks an account for a while after too many in a row. */
@Component
public class LoginAttempts {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final GigrightsProperties.Security settings;

    public LoginAttempts(JdbcClient jdbc, Clock clock, GigrightsProperties props) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = props.security();
    }

    @EventListener
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        String user = event.getAuthentication().getName();
        jdbc.sql("UPDATE account SET failed_logins = failed_logins + 1,"
                        + " locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END"
                        + " WHERE username = ?")
                .params(
                        settings.maxFailedLogins(),
                        Timestamp.from(clock.instant().plus(settings.lockout())),
                        user)
                .update();
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        jdbc.sql("UPDATE account SET failed_logins = 0, locked_until = NULL WHERE username = ?")
                .param(event.getAuthentication().getName())
                .update();
    }
}
