package org.gigrights.server.cases.web;

import org.gigrights.server.cases.internal.Notices;
import org.gigrights.server.identity.GigrightsUser;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.gigrights.server.shared.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 消息通知: every account's notifications, open one (marks it read), mark all read. */
@Controller
public class NotificationPages {
    private final Notices notices;

    public NotificationPages(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal GigrightsUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("items", notices.list(user.viewer(), false, 200));
        model.addAttribute("unread", notices.unread(user.viewer()));
        return "cases/notifications";
    }

    /** Marks it read and goes to its case (the worker's own page for a worker). */
    @PostMapping("/notifications/{id}/read")
    String read(
            @AuthenticationPrincipal GigrightsUser user,
            @PathVariable long id,
            @RequestParam(required = false) Long caseId) {
        if (!notices.markRead(user.viewer(), id)) {
            throw new GigrightsException(ErrorCode.NOT_FOUND, "no notification " + id);
        }
        if (caseId == null) {
            return "redirect:/notifications";
        }
        return "redirect:" + (user.viewer().role() == Role.WORKER ? "/me/cases/" : "/cases/") + caseId;
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal GigrightsUser user) {
        notices.markAllRead(user.viewer());
        return "redirect:/notifications";
    }
}
