package org.gigrights.server.cases.web;

import java.util.List;
import java.util.Map;
import org.gigrights.server.cases.CaseDetail;
import org.gigrights.server.cases.CaseView;
import org.gigrights.server.cases.internal.CaseMediation;
import org.gigrights.server.cases.internal.CaseQueries;
import org.gigrights.server.cases.internal.CaseStages;
import org.gigrights.server.reporting.web.ApiAuthFilter;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;
import org.gigrights.server.shared.Role;
import org.gigrights.server.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Cases against a platform for its own systems (signed like the reporting API): read them, answer. */
@RestController
@RequestMapping("/api/v1/cases")
public class CasesApi {
    private final CaseQueries queries;
    private final CaseMediation mediation;
    private final CaseStages stages;

    public CasesApi(CaseQueries queries, CaseMediation mediation, CaseStages stages) {
        this.queries = queries;
        this.mediation = mediation;
        this.stages = stages;
    }

    static Viewer viewer(String platform) {
        return new Viewer("api:" + platform, Role.PLATFORM, platform, null, null);
    }

    /** The platform's most recent cases (up to 500). */
    @GetMapping
    public List<CaseView> list(@RequestAttribute(ApiAuthFilter.PLATFORM) String platform) {
        return queries.list(viewer(platform), null, null, 500);
    }

    /** One case with its steps; another platform's case answers 404. */
    @GetMapping("/{id}")
    public CaseDetail one(@RequestAttribute(ApiAuthFilter.PLATFORM) String platform, @PathVariable long id) {
        return queries.get(viewer(platform), id)
                .orElseThrow(() -> new GigrightsException(ErrorCode.NOT_FOUND, "no case " + id));
    }

    /** The platform's answer: {@code {"text": "..."}}; refused (409) once the case is no longer open. */
    @PostMapping("/{id}/answer")
    public Map<String, Object> answer(
            @RequestAttribute(ApiAuthFilter.PLATFORM) String platform,
            @PathVariable long id,
            @RequestBody Map<String, String> body) {
        stages.answer(viewer(platform), id, body.get("text"), List.of());
        return Map.of("id", id, "answered", true);
    }

    /**
     * The platform signs the mediator's draft agreement: {@code {"version": 1}} (the version it read;
     * another one answers 409). With the worker's signature the agreement takes effect.
     */
    @PostMapping("/{id}/agreement/sign")
    public Map<String, Object> sign(
            @RequestAttribute(ApiAuthFilter.PLATFORM) String platform,
            @PathVariable long id,
            @RequestBody(required = false) Map<String, Object> body) {
        mediation.signAgreement(viewer(platform), id, version(body));
        CaseDetail d = one(platform, id);
        return Map.of("id", id, "signed", true, "effective", d.agreement().effective());
    }

    /** The platform refuses the draft agreement: {@code {"version": 1, "reason": "..."}}. */
    @PostMapping("/{id}/agreement/refuse")
    public Map<String, Object> refuse(
            @RequestAttribute(ApiAuthFilter.PLATFORM) String platform,
            @PathVariable long id,
            @RequestBody Map<String, Object> body) {
        Object reason = body.get("reason");
        mediation.refuseAgreement(viewer(platform), id, version(body), reason == null ? null : reason.toString());
        return Map.of("id", id, "refused", true);
    }

    static Integer version(Map<String, Object> body) {
        Object v = body == null ? null : body.get("version");
        if (v == null) {
            return null;
        }
        try {
            return v instanceof Number n ? n.intValue() : Integer.valueOf(v.toString());
        } catch (NumberFormatException e) {
            throw new GigrightsException(ErrorCode.BAD_REQUEST, "version must be a number");
        }
    }
}
