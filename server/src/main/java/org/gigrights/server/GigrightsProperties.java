package org.gigrights.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Typed settings under {@code gigrights.*}; each can be set by an environment variable, e.g.
 * {@code GIGRIGHTS_DB_URL}, {@code GIGRIGHTS_API_MAX_BODY_BYTES}.
 */
@ConfigurationProperties("gigrights")
public record GigrightsProperties(
        @DefaultValue Db db,
        @DefaultValue Api api,
        @DefaultValue Demo demo,
        @DefaultValue Security security,
        @DefaultValue Cases cases) {

    /**
     * The database: a PostgreSQL URL, or empty for the embedded one kept in {@code dataDir}.
     *
     * @param dataDir where the embedded database keeps its files between runs
     * @param embeddedPort the embedded database's port; 0 picks a free one
     */
    public record Db(
            String url, String user, String password, @DefaultValue("data/postgres") Path dataDir, int embeddedPort) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /**
     * The reporting API.
     *
     * @param maxBodyBytes the largest request body (after decompression) accepted
     * @param maxClockSkew how far a request's timestamp may be from the server's clock
     */
    public record Api(@DefaultValue("268435456") long maxBodyBytes, @DefaultValue("5m") Duration maxClockSkew) {}

    /**
     * Demo mode: a generated city on an empty database, and demo accounts.
     *
     * @param enabled whether to seed and create demo accounts
     * @param workers generated persons (a few have accounts on two platforms)
     * @param days generated days
     */
    public record Demo(
            boolean enabled,
            @DefaultValue("2000") int workers,
            @DefaultValue("30") int days,
            @DefaultValue("20260420") long seed,
            @DefaultValue("2026-04-20") LocalDate start,
            @DefaultValue("demo2026") String password) {}

    /**
     * Accounts and logins.
     *
     * @param adminPassword creates the {@code admin} account on start when set (never defaulted outside demo)
     * @param maxFailedLogins failed logins in a row before the account locks
     * @param lockout how long a locked account stays locked
     */
    public record Security(
            String adminPassword, @DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockout) {}

    /**
     * Cases: attachments, automatic triggers and the deadline scan.
     *
     * @param maxAttachmentBytes the largest attachment (screenshot, PDF) stored with a case
     * @param maxAttachments attachments per step
     * @param triggers automatic cases as {@code RULE:N}: N open findings of the rule for one worker in a month
     * @param scanEvery how often triggers and deadlines are scanned; 0 turns the scan off
     * @param sms the SMS channel: {@code off}, or {@code log} (writes messages to the log)
     */
    public record Cases(
            @DefaultValue("5242880") long maxAttachmentBytes,
            @DefaultValue("5") int maxAttachments,
            @DefaultValue({"DEPOSIT:1", "MIN_WAGE:5"}) List<String> triggers,
            @DefaultValue("10m") Duration scanEvery,
            @DefaultValue("off") String sms) {}
}
