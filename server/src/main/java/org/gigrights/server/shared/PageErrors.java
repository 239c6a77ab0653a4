package org.gigrights.server.shared;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Typed errors on pages: the status code and a plain page, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class PageErrors {
    @ExceptionHandler(GigrightsException.class)
    String handle(GigrightsException e, HttpServletResponse response, Model model) {
        response.setStatus(e.code().status());
        model.addAttribute("code", e.code().name());
        model.addAttribute("detail", e.getMessage());
        return "problem";
    }
}
