package org.gigrights.server.shared;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps typed errors to RFC 9457 problem details: {@code type}, {@code title}, {@code status}, {@code code}. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemAdvice {
    /** The problem for a typed error. */
    public static ProblemDetail problem(GigrightsException e) {
        ProblemDetail p =
                ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.code().status()), e.getMessage());
        p.setTitle(e.code().title());
        p.setType(URI.create("https://gigrights.org/problems/"
                + e.code().name().toLowerCase().replace('_', '-')));
        p.setProperty("code", e.code().name());
        return p;
    }

    @ExceptionHandler(GigrightsException.class)
    ResponseEntity<ProblemDetail> handle(GigrightsException e) {
        return ResponseEntity.status(e.code().status()).body(problem(e));
    }
}
