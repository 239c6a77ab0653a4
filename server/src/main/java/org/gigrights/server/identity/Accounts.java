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
            java.time.Instant lockedUntil) {
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
                        + " id_number, phone, failed_logins, locked_until FROM account WHERE username = ?")
                .param(username)
                .query((rs, n) -> {
                    Timestamp locked = rs.getTimestamp(12);
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
                            locked == null ? null : locked.toInstant());
                })
                .optional();
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
