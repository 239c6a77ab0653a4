package org.gigrights.server.cases;

import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;

/** A command the case's stage does not allow; answered as 409 {@code ILLEGAL_TRANSITION}. */
public class IllegalTransition extends GigrightsException {
    private static final long serialVersionUID = 1L;
    private final Stage stage;
    private final String command;

    public IllegalTransition(Stage stage, String command) {
        super(ErrorCode.ILLEGAL_TRANSITION, "command " + command + " is not allowed in stage " + stage);
        this.stage = stage;
        this.command = command;
    }

    /** Refused in this stage for a reason other than the stage itself (already extended, no draft, ...). */
    public IllegalTransition(Stage stage, String command, String why) {
        super(ErrorCode.ILLEGAL_TRANSITION, "command " + command + " is not allowed in stage " + stage + ": " + why);
        this.stage = stage;
        this.command = command;
    }

    public Stage stage() {
        return stage;
    }

    public String command() {
        return command;
    }
}
