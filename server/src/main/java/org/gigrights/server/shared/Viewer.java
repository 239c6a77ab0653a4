package org.gigrights.server.shared;

/**
 * Who is looking, and so what they may see: a platform only its own data, a worker only their own,
 * an inspector their district (or all when none is set).
 *
 * @param username the account name
 * @param role the role
 * @param platform the platform of a platform operator or a worker, else null
 * @param worker the worker id of a worker, else null
 * @param district the district code of an inspector, or null for all
 */
public record Viewer(String username, Role role, String platform, String worker, String district) {
    /** Whether this viewer may see full ID and phone numbers. */
    public boolean seesPersonalData() {
        return role == Role.ADMIN;
    }

    /** Whether a row of this platform, worker and district is in scope. */
    public boolean canSee(String rowPlatform, String rowWorker, String rowDistrict) {
        return switch (role) {
            case ADMIN, MEDIATOR -> true;
            case INSPECTOR -> district == null || district.equals(rowDistrict);
            case PLATFORM -> platform.equals(rowPlatform);
            case WORKER -> platform.equals(rowPlatform) && worker.equals(rowWorker);
        };
    }

    /** Whether this viewer sees the regulator's pages. */
    public boolean isOfficial() {
        return role == Role.ADMIN || role == Role.INSPECTOR || role == Role.MEDIATOR;
    }
}
