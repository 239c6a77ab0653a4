package org.gigrights.rules.params;

/** A parameter file is missing, malformed or incomplete. */
public class ParameterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ParameterException(String message) {
        super(message);
    }
}
