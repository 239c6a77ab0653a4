package org.gigrights.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.gigrights.server.reporting.ApiSignature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A platform's API client for tests: signs every request with AK/SK. */
public final class SignedClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String accessKey;
    private final String secret;

    /** A response: status and parsed JSON body. */
    public record Answer(int status, JsonNode body, String text) {}

    public SignedClient(int port, String accessKey, String secret) {
        this.base = "http://localhost:" + port;
        this.accessKey = accessKey;
        this.secret = secret;
    }

    public Answer postCsv(String body) {
        return send(
                "POST",
                "/api/v1/events",
                "text/csv",
                body.getBytes(StandardCharsets.UTF_8),
                System.currentTimeMillis(),
                nonce());
    }

    public Answer post(String contentType, byte[] body) {
        return send("POST", "/api/v1/events", contentType, body, System.currentTimeMillis(), nonce());
    }

    public Answer get(String path) {
        return send("GET", path, null, new byte[0], System.currentTimeMillis(), nonce());
    }

    public static String nonce() {
        return UUID.randomUUID().toString();
    }

    /** Sends a request signed with the given timestamp and nonce. */
    public Answer send(String method, String path, String contentType, byte[] body, long timestamp, String nonce) {
        return sendRaw(method, path, contentType, body, timestamp, nonce, ApiSignature.sha256Hex(body), secret);
    }

    /** Sends with a given declared body hash and signing secret (for negative tests). */
    public Answer sendRaw(
            String method,
            String path,
            String contentType,
            byte[] body,
            long timestamp,
            String nonce,
            String declaredHash,
            String signingSecret) {
        String ts = Long.toString(timestamp);
        String sig = ApiSignature.sign(signingSecret, ApiSignature.stringToSign(method, path, ts, nonce, declaredHash));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header(ApiSignature.ACCESS_KEY, accessKey)
                .header(ApiSignature.TIMESTAMP, ts)
                .header(ApiSignature.NONCE, nonce)
                .header(ApiSignature.CONTENT_SHA256, declaredHash)
                .header(ApiSignature.SIGNATURE, sig)
                .method(
                        method,
                        body.length == 0 && method.equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = r.body().isBlank() ? null : JSON.readTree(r.body());
            return new Answer(r.statusCode(), node, r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
