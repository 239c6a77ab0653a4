package org.gigrights.server.shared;

/** A typed, coded failure; mapped once at the web edge to an RFC 9457 problem. */
public class GigrightsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public GigrightsException(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
