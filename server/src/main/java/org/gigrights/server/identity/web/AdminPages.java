package org.gigrights.server.identity.web;

import java.security.SecureRandom;
import java.time.LocalDate;
import org.gigrights.server.identity.Accounts;
import org.gigrights.server.identity.GigrightsUser;
import org.gigrights.server.shared.AuditLog;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.gigrights.server.shared.Masking;
import org.gigrights.server.shared.Role;
import org.gigrights.server.shared.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system admin's pages: accounts (list, create, disable/enable, password reset) and the audit log.
 * New and reset passwords are random and shown once to the admin; there are no default passwords.
 */
@Controller
public class AdminPages {
    static final int AUDIT_PAGE = 100;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An account as the list shows it (numbers masked unless the viewer may see them). */
    public record AccountRow(
            String username,
            String role,
            String displayName,
            String platform,
            String worker,
            String district,
            String idNumber,
            String phone,
            boolean locked,
            boolean disabled) {}

    private final Accounts accounts;
    private final AuditLog audit;
    private final java.time.Clock clock;

    public AdminPages(Accounts accounts, AuditLog audit, java.time.Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/admin/accounts")
    String accounts(@AuthenticationPrincipal GigrightsUser user, Model model) {
        Viewer v = user.viewer();
        audit.record(v, "VIEW_ACCOUNTS", "all accounts");
        model.addAttribute("user", user);
        model.addAttribute("roles", Role.values());
        model.addAttribute(
                "accounts",
                accounts.all().stream()
                        .map(a -> new AccountRow(
                                a.username(),
                                a.role().name(),
                                a.displayName(),
                                a.platform(),
                                a.worker(),
                                a.district(),
                                Masking.idNumber(a.idNumber(), v),
                                Masking.phone(a.phone(), v),
                                a.lockedUntil() != null && a.lockedUntil().isAfter(clock.instant()),
                                a.disabledAt() != null))
                        .toList());
        return "admin-accounts";
    }

    @PostMapping("/admin/accounts")
    String create(
            @AuthenticationPrincipal GigrightsUser user,
            @RequestParam String username,
            @RequestParam String displayName,
            @RequestParam Role role,
            @RequestParam(required = false) String platform,
            @RequestParam(required = false) String worker,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String phone,
            RedirectAttributes flash) {
        String name = username.strip();
        if (!name.matches("[A-Za-z0-9_.-]{3,40}")) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, "user names are 3-40 letters, digits, _ . -");
        }
        if (accounts.find(name).isPresent()) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, "account " + name + " exists");
        }
        if ((role == Role.PLATFORM || role == Role.WORKER) && blank(platform) == null) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, "a platform or worker account needs its platform");
        }
        if (role == Role.WORKER && blank(worker) == null) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, "a worker account needs its worker id");
        }
        String password = randomPassword();
        accounts.create(
                name,
                password,
                role,
                displayName.strip(),
                role == Role.PLATFORM || role == Role.WORKER ? blank(platform) : null,
                role == Role.WORKER ? blank(worker) : null,
                role == Role.INSPECTOR ? blank(district) : null,
                blank(idNumber),
                blank(phone));
        audit.record(user.viewer(), "CREATE_ACCOUNT", name + " " + role);
        flash.addFlashAttribute("shown", name);
        flash.addFlashAttribute("password", password);
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{username}/disable")
    String disable(
            @AuthenticationPrincipal GigrightsUser user,
            @PathVariable String username,
            @RequestParam(defaultValue = "true") boolean disabled) {
        if (disabled && username.equals(user.getUsername())) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, "an admin cannot disable their own account");
        }
        if (!accounts.setDisabled(username, disabled)) {
            throw new GigrightsException(ErrorCode.NOT_FOUND, "no account " + username);
        }
        audit.record(user.viewer(), disabled ? "DISABLE_ACCOUNT" : "ENABLE_ACCOUNT", username);
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{username}/password")
    String reset(@AuthenticationPrincipal GigrightsUser user, @PathVariable String username, RedirectAttributes flash) {
        String password = randomPassword();
        if (!accounts.setPassword(username, password)) {
            throw new GigrightsException(ErrorCode.NOT_FOUND, "no account " + username);
        }
        audit.record(user.viewer(), "RESET_PASSWORD", username);
        flash.addFlashAttribute("shown", username);
        flash.addFlashAttribute("password", password);
        return "redirect:/admin/accounts";
    }

    /** The audit log, newest first, filtered by user and day; htmx swaps only the results. */
    @GetMapping("/admin/audit")
    String audit(
            @AuthenticationPrincipal GigrightsUser user,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        int p = Math.max(0, page);
        long total = audit.count(username, from, to);
        model.addAttribute("user", user);
        model.addAttribute("username", username);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("page", p);
        model.addAttribute("total", total);
        model.addAttribute("pages", Math.max(1, (total + AUDIT_PAGE - 1) / AUDIT_PAGE));
        model.addAttribute("entries", audit.find(username, from, to, AUDIT_PAGE, (long) p * AUDIT_PAGE));
        return htmx != null ? "admin-audit :: results" : "admin-audit";
    }

    static String randomPassword() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
