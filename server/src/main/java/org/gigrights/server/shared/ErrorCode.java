package org.gigrights.server.shared;

/** Every error the service answers with: a stable code, an HTTP status and a title. */
public enum ErrorCode {
    BAD_SIGNATURE(401, "Request signature invalid"),
    UNKNOWN_ACCESS_KEY(401, "Unknown access key"),
    CLOCK_SKEW(401, "Request timestamp too far from server time"),
    REPLAYED_NONCE(401, "Nonce already used"),
    MISSING_HEADER(400, "Required header missing"),
    BODY_HASH_MISMATCH(400, "Body does not match its declared SHA-256"),
    BODY_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_FORMAT(415, "Unsupported body format"),
    NOT_FOUND(404, "Not found"),
    ILLEGAL_TRANSITION(409, "Not allowed in the case's current stage"),
    ATTACHMENT_TOO_LARGE(413, "Attachment too large"),
    FORBIDDEN(403, "Not allowed"),
    BAD_REQUEST(400, "Bad request");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
