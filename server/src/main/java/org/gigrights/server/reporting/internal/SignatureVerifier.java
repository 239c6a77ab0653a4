package org.gigrights.server.reporting.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.gigrights.server.GigrightsProperties;
import org.gigrights.server.reporting.ApiSignature;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Checks a request's AK/SK signature, its clock skew and its nonce; answers the platform it speaks for. */
@Component
public class SignatureVerifier {
    private final PlatformKeys keys;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration maxSkew;

    public SignatureVerifier(PlatformKeys keys, JdbcClient jdbc, Clock clock, GigrightsProperties props) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxSkew = props.api().maxClockSkew();
    }

    /**
     * Verifies the signature headers of a request.
     *
     * @param headers reads a header by name, or null
     * @return the platform code of the access key
     */
    @Transactional
    public String verify(String method, String path, UnaryOperator<String> headers) {
        String ak = required(headers, ApiSignature.ACCESS_KEY);
        String ts = required(headers, ApiSignature.TIMESTAMP);
        String nonce = required(headers, ApiSignature.NONCE);
        String bodyHash = required(headers, ApiSignature.CONTENT_SHA256);
        String signature = required(headers, ApiSignature.SIGNATURE);
        PlatformKeys.Credentials c = keys.byAccessKey(ak)
                .orElseThrow(
                        () -> new GigrightsException(ErrorCode.UNKNOWN_ACCESS_KEY, "no platform has access key " + ak));
        Instant now = clock.instant();
        long millis;
        try {
            millis = Long.parseLong(ts);
        } catch (NumberFormatException e) {
            throw new GigrightsException(ErrorCode.CLOCK_SKEW, ApiSignature.TIMESTAMP + " must be epoch milliseconds");
        }
        if (Math.abs(now.toEpochMilli() - millis) > maxSkew.toMillis()) {
            throw new GigrightsException(
                    ErrorCode.CLOCK_SKEW,
                    "timestamp " + ts + " is more than " + maxSkew.toMinutes() + " min from " + now);
        }
        if (nonce.length() < 8 || nonce.length() > 64) {
            throw new GigrightsException(ErrorCode.MISSING_HEADER, ApiSignature.NONCE + " must be 8 to 64 characters");
        }
        String expected = ApiSignature.sign(c.secret(), ApiSignature.stringToSign(method, path, ts, nonce, bodyHash));
        if (!ApiSignature.same(expected, signature)) {
            throw new GigrightsException(ErrorCode.BAD_SIGNATURE, "the signature does not match the request");
        }
        Timestamp oldest = Timestamp.from(now.minus(maxSkew.multipliedBy(2)));
        jdbc.sql("DELETE FROM request_nonce WHERE seen_at < ?").param(oldest).update();
        int added = jdbc.sql("INSERT INTO request_nonce (access_key, nonce, seen_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(ak, nonce, Timestamp.from(now))
                .update();
        if (added == 0) {
            throw new GigrightsException(ErrorCode.REPLAYED_NONCE, "nonce " + nonce + " was already used");
        }
        return c.platform();
    }

    private static String required(UnaryOperator<String> headers, String name) {
        String v = headers.apply(name);
        if (v == null || v.isBlank()) {
            throw new GigrightsException(ErrorCode.MISSING_HEADER, "header " + name + " is required");
        }
        return v.strip();
    }
}
