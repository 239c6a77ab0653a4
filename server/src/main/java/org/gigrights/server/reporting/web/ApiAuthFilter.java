package org.gigrights.server.reporting.web;

import com.fasterxml.jackson.core.JsonFactory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gigrights.server.reporting.internal.SignatureVerifier;
import org.gigrights.server.shared.GigrightsException;
import org.gigrights.server.shared.ProblemAdvice;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates every {@code /api/v1/} request by its AK/SK signature; sets the platform it speaks for. */
public class ApiAuthFilter extends OncePerRequestFilter {
    /** The request attribute holding the authenticated platform code. */
    public static final String PLATFORM = "gigrights.platform";

    private final SignatureVerifier verifier;

    public ApiAuthFilter(SignatureVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String platform;
        try {
            platform = verifier.verify(request.getMethod(), request.getRequestURI(), request::getHeader);
        } catch (GigrightsException e) {
            write(response, ProblemAdvice.problem(e));
            return;
        }
        request.setAttribute(PLATFORM, platform);
        chain.doFilter(request, response);
    }

    private static void write(HttpServletResponse response, ProblemDetail p) throws IOException {
        response.setStatus(p.getStatus());
        response.setContentType("application/problem+json");
        try (var g = new JsonFactory().createGenerator(response.getOutputStream())) {
            g.writeStartObject();
            g.writeStringField("type", String.valueOf(p.getType()));
            g.writeStringField("title", p.getTitle());
            g.writeNumberField("status", p.getStatus());
            g.writeStringField("detail", p.getDetail());
            g.writeStringField("code", String.valueOf(p.getProperties().get("code")));
            g.writeEndObject();
        }
    }
}
