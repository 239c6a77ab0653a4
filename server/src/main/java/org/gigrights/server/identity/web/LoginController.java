package org.gigrights.server.identity.web;

import org.gigrights.server.identity.GigrightsUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, and the start page that sends each role to its own view. */
@Controller
public class LoginController {
    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal GigrightsUser user) {
        return switch (user.viewer().role()) {
            case WORKER -> "redirect:/me";
            case PLATFORM -> "redirect:/platform";
            case MEDIATOR -> "redirect:/union";
            default -> "redirect:/dashboard";
        };
    }
}
