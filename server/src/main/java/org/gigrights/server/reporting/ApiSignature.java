package org.gigrights.server.reporting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AK/SK request signature of the reporting API (docs/adr/0006).
 *
 * <p>String to sign: {@code METHOD \n PATH \n TIMESTAMP \n NONCE \n hex(SHA-256(body))}; the
 * signature is Base64(HMAC-SHA256(secret key, string to sign)). Headers: {@value #ACCESS_KEY},
 * {@value #TIMESTAMP} (epoch milliseconds), {@value #NONCE}, {@value #CONTENT_SHA256},
 * {@value #SIGNATURE}.
 */
public final class ApiSignature {
    public static final String ACCESS_KEY = "X-GR-AccessKey";
    public static final String TIMESTAMP = "X-GR-Timestamp";
    public static final String NONCE = "X-GR-Nonce";
    public static final String CONTENT_SHA256 = "X-GR-Content-SHA256";
    public static final String SIGNATURE = "X-GR-Signature";

    private ApiSignature() {}

    public static String stringToSign(String method, String path, String timestamp, String nonce, String bodySha256) {
        return method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + bodySha256;
    }

    public static String sign(String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lower-case hex SHA-256 of some bytes. */
    public static String sha256Hex(byte[] body) {
        return HexFormat.of().formatHex(sha256().digest(body));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two signatures. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
