package org.awardinghub.api.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page, as a problem: what reaches it was refused before any controller saw it (a
 * filter that failed or sent an error). Asked for directly, {@code /error} is a page like any other that does not
 * exist: 404. Nothing of the failure's own message is shown, for a server error least of all; the correlation id in
 * the response's header finds it in the log. What the container refuses before any filter ({@link
 * ContainerErrorReport}) reads the same.
 */
@RestController
class ErrorPage implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatus.resolve(code)
                : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.NOT_FOUND;
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status));
    }

    /** The problem for a request refused, with this status, before anything of ours read it. */
    static ProblemDetail problem(HttpStatus status) {
        String detail = status == HttpStatus.INTERNAL_SERVER_ERROR
                ? "Something went wrong on our side; nothing was changed. Quote the correlation id when reporting it."
                : status == HttpStatus.NOT_FOUND
                        ? "There is nothing at this address"
                        : "The request was refused before it was read: "
                                + status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        return Problems.of(status, status.getReasonPhrase(), detail, List.of());
    }
}
