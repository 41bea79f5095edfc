package org.awardinghub.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request the firewall refuses (Spring Security's strict firewall, with the rule of characters of ADR 0139 for the
 * address) answers 400 as a problem, whether it is refused on arrival or later, when a filter or controller first
 * reads the header or parameter at fault; Spring's own answer was an error page, and a 500 when a controller read it.
 * The detail says what kind of thing was refused and never repeats the value, which may hold the very characters
 * refused.
 */
@Component
public class FirewallRefusal implements RequestRejectedHandler {

    private final Problems problems;

    FirewallRefusal(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refused)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer(); // the headers set so far stay, the correlation id among them
        problems.write(response, problem(refused));
    }

    /** The problem answered for a refusal, wherever it was raised. */
    public static ApiProblem problem(RequestRejectedException refused) {
        if (refused instanceof RefusedCharacters characters) {
            return ApiProblem.badRequest(characters.field(), characters.refusal());
        }
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "Malformed request",
                "The request was refused before it was read: its method, address or headers hold something this"
                        + " server never accepts (a method other than GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS;"
                        + " '..', '//', ';', a backslash or an encoded slash, period or percent sign in the address;"
                        + " a control character in a header's name or value, or in a parameter's name)",
                List.of());
    }
}
