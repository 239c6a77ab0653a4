package org.gigrights.server.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.gigrights.server.shared.Role;
import org.gigrights.server.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creates accounts and tells who a logged-in user is. */
@Service
public class Accounts {
    /** An account as stored. */
    public record Account(
            long id,
            String username,
            String passwordHash,
            Role role,
            String displayName,
            String platform,
            String worker,
            String district,
            String idNumber,
            String phone,
            int failedLogins,
            java.time.Instant lockedUntil,
            java.time.Instant disabledAt) {
        public Viewer viewer() {
            return new Viewer(username, role, platform, worker, district);
        }
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public Accounts(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("SELECT id, username, password_hash, role, display_name, platform, worker, district,"
                        + " id_number, phone, failed_logins, locked_until, disabled_at FROM account WHERE username = ?")
                .param(username)
                .query((rs, n) -> account(rs))
                .optional();
    }

    /** Every account, by role and name. */
    public java.util.List<Account> all() {
        return jdbc.sql(
                        "SELECT id, username, password_hash, role, display_name, platform, worker, district,"
                                + " id_number, phone, failed_logins, locked_until, disabled_at FROM account ORDER BY role, username")
                .query((rs, n) -> account(rs))
                .list();
    }

    /** Disables or enables an account; a disabled account cannot log in. */
    public boolean setDisabled(String username, boolean disabled) {
        return jdbc.sql("UPDATE account SET disabled_at = ? WHERE username = ?")
                        .params(disabled ? Timestamp.from(clock.instant()) : null, username)
                        .update()
                > 0;
    }

    /** Sets a new password (hashed) and clears a lockout. */
    public boolean setPassword(String username, String password) {
        return jdbc.sql(
                                "UPDATE account SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE username = ?")
                        .params(encoder.encode(password), username)
                        .update()
                > 0;
    }

    private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp locked = rs.getTimestamp(12);
        Timestamp disabled = rs.getTimestamp(13);
        return new Account(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                Role.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getInt(11),
                locked == null ? null : locked.toInstant(),
                disabled == null ? null : disabled.toInstant());
    }

    /** Creates an account unless one of that name exists; the password is hashed (bcrypt). */
    public void create(
            String username,
            String password,
            Role role,
            String displayName,
            String platform,
            String worker,
            String district,
            String idNumber,
            String phone) {
        jdbc.sql("INSERT INTO account (username, password_hash, role, display_name, platform, worker, district,"
                        + " id_number, phone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (username) DO NOTHING")
                .params(
                        username,
                        encoder.encode(password),
                        role.name(),
                        displayName,
                        platform,
                        worker,
                        district,
                        idNumber,
                        phone,
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** Creates a platform with its API keys unless it exists. */
    public void createPlatform(String code, String name, String accessKey, String secretKey) {
        jdbc.sql("INSERT INTO platform (code, name, access_key, secret_key, created_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (code) DO NOTHING")
                .params(code, name, accessKey, secretKey, Timestamp.from(clock.instant()))
                .update();
    }
}
