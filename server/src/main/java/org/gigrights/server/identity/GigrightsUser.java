package org.gigrights.server.identity;

import java.util.List;
import org.gigrights.server.shared.Viewer;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A logged-in user: Spring Security's user plus the viewer's data scope. */
public class GigrightsUser extends User {
    private static final long serialVersionUID = 1L;
    private final Viewer viewer;
    private final String displayName;

    public GigrightsUser(Accounts.Account a, boolean locked) {
        super(
                a.username(),
                a.passwordHash(),
                a.disabledAt() == null,
                true,
                true,
                !locked,
                List.of(new SimpleGrantedAuthority("ROLE_" + a.role().name())));
        this.viewer = a.viewer();
        this.displayName = a.displayName();
    }

    public Viewer viewer() {
        return viewer;
    }

    public String displayName() {
        return displayName;
    }
}
