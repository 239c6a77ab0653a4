package org.gigrights.server.cases.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.gigrights.rules.params.RulePack;
import org.gigrights.server.cases.CaseDetail;
import org.gigrights.server.cases.Matter;
import org.gigrights.server.cases.Stage;
import org.gigrights.server.cases.internal.CaseDeadlines;
import org.gigrights.server.cases.internal.CaseIntake;
import org.gigrights.server.cases.internal.CaseMediation;
import org.gigrights.server.cases.internal.CaseQueries;
import org.gigrights.server.cases.internal.CaseStages;
import org.gigrights.server.identity.GigrightsUser;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.gigrights.server.shared.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 案件: the list with deadline flags and queues, one case with its actions, a manual case, documents. */
@Controller
public class CasePages {
    private final CaseQueries queries;
    private final CaseIntake intake;
    private final CaseMediation mediation;
    private final CaseDeadlines deadlines;
    private final CaseStages stages;

    public CasePages(
            CaseQueries queries,
            CaseIntake intake,
            CaseMediation mediation,
            CaseDeadlines deadlines,
            CaseStages stages) {
        this.queries = queries;
        this.intake = intake;
        this.mediation = mediation;
        this.deadlines = deadlines;
        this.stages = stages;
    }

    @GetMapping("/cases")
    String list(
            @AuthenticationPrincipal GigrightsUser user,
            @RequestParam(required = false) Stage stage,
            @RequestParam(required = false) String queue,
            Model model) {
        model.addAttribute("user", user);
        model.addAttribute("stage", stage);
        model.addAttribute("queue", queue);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("matters", Matter.values());
        model.addAttribute("cases", queries.list(user.viewer(), stage, queue, 200));
        model.addAttribute("notices", queries.notices(user.viewer()));
        if (user.viewer().role() == org.gigrights.server.shared.Role.ADMIN) {
            model.addAttribute("supervisors", queries.supervisors());
        }
        return "cases";
    }

    /** 督办人: an administrator names the supervisor of a district ({@code *} for the others). */
    @PostMapping("/cases/supervisors")
    String supervisor(
            @AuthenticationPrincipal GigrightsUser user,
            @RequestParam String district,
            @RequestParam(required = false) String username) {
        deadlines.setSupervisor(user.viewer(), district, username);
        return "redirect:/cases";
    }

    @PostMapping("/cases")
    String open(
            @AuthenticationPrincipal GigrightsUser user,
            @RequestParam String platform,
            @RequestParam String worker,
            @RequestParam Matter matter,
            @RequestParam String description) {
        long id = intake.openManual(user.viewer(), platform.strip(), worker.strip(), matter, description.strip())
                .caseId();
        return "redirect:/cases/" + id;
    }

    @GetMapping("/cases/{id}")
    String one(@AuthenticationPrincipal GigrightsUser user, @PathVariable long id, Model model) {
        CaseDetail d = queries.get(user.viewer(), id)
                .orElseThrow(() -> new GigrightsException(ErrorCode.NOT_FOUND, "no case " + id));
        model.addAttribute("user", user);
        model.addAttribute("d", d);
        model.addAttribute("c", d.c());
        model.addAttribute("role", user.viewer().role().name());
        return "case";
    }

    /** Every command on a case from its page; the parameters used depend on the command. */
    @PostMapping("/cases/{id}/do")
    String command(
            @AuthenticationPrincipal GigrightsUser user,
            @PathVariable long id,
            @RequestParam String command,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String mediator,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime when,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) Long session,
            @RequestParam(required = false) String workerSaid,
            @RequestParam(required = false) String platformSaid,
            @RequestParam(required = false) java.math.BigDecimal amount,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
            @RequestParam(required = false) String terms,
            @RequestParam(defaultValue = "false") boolean wage,
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) Integer version,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        Viewer v = user.viewer();
        switch (command) {
            case "ACCEPT" -> stages.accept(v, id);
            case "REJECT" -> stages.reject(v, id, reason);
            case "ASSIGN" -> stages.assign(v, id, mediator);
            case "START_MEDIATION" -> stages.startMediation(v, id);
            case "SCHEDULE_SESSION" -> mediation.scheduleSession(
                    v,
                    id,
                    when == null
                            ? null
                            : when.atZone(RulePack.chongqing().zone()).toInstant(),
                    place);
            case "RECORD_SESSION" -> mediation.recordSession(
                    v, id, session == null ? -1 : session, workerSaid, platformSaid);
            case "DRAFT_AGREEMENT" -> {
                if (amount == null) {
                    throw new GigrightsException(ErrorCode.BAD_REQUEST, "an agreement needs an amount");
                }
                long cents = amount.movePointRight(2)
                        .setScale(0, java.math.RoundingMode.HALF_UP)
                        .longValueExact();
                mediation.draftAgreement(v, id, cents, due, terms, wage, Uploads.of(files));
            }
            case "SIGN_AGREEMENT" -> mediation.signAgreement(v, id, version);
            case "REFUSE_AGREEMENT" -> mediation.refuseAgreement(v, id, version, reason);
            case "EXTEND_INSPECTION" -> deadlines.extendInspection(v, id, days == null ? 0 : days, reason);
            case "EXTEND_ARBITRATION" -> deadlines.extendArbitration(v, id, days == null ? 0 : days, reason);
            case "NO_AGREEMENT" -> mediation.noAgreement(v, id, reason);
            case "MARK_PAID" -> mediation.markPaid(v, id);
            case "PAYMENT_ORDER" -> mediation.markForPaymentOrder(v, id);
            case "REFER_ARBITRATION" -> stages.referToArbitration(v, id, reason);
            case "REFER_INSPECTION" -> stages.referToInspection(v, id, reason);
            case "DISPOSE" -> stages.dispose(v, id, reason);
            case "CLOSE" -> stages.close(v, id);
            case "ANSWER" -> stages.answer(v, id, reason, Uploads.of(files));
            case "ADD_DOCUMENT" -> stages.addDocument(v, id, reason, Uploads.of(files));
            default -> throw new GigrightsException(ErrorCode.BAD_REQUEST, "unknown command " + command);
        }
        return "redirect:/cases/" + id;
    }

    @GetMapping("/cases/{id}/documents/{doc}")
    ResponseEntity<byte[]> document(
            @AuthenticationPrincipal GigrightsUser user, @PathVariable long id, @PathVariable long doc) {
        var u = queries.document(user.viewer(), id, doc)
                .orElseThrow(() -> new GigrightsException(ErrorCode.NOT_FOUND, "no document " + doc));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(u.name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(u.data());
    }
}
