package org.awardinghub.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.awardinghub.api.problem.RefusedCharacters;
import org.awardinghub.command.Text;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;

/**
 * Spring Security's strict firewall, and the rule of characters that text keeps (ADR 0139) for the address itself: a
 * path or a query parameter holding a control, line-break or invisible formatting character once decoded, or a query
 * that is not well-formed percent-encoding, is refused before anything reads it, as {@code FirewallRefusal} answers.
 * No identifier, code or search the API takes can hold such a character, so none would be found; refused, the client
 * learns why instead.
 */
@Component
class RequestFirewall extends StrictHttpFirewall {

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        FirewalledRequest checked = super.getFirewalledRequest(request);
        String path = (request.getServletPath() == null ? "" : request.getServletPath())
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        refuse("path", path);
        String query = request.getQueryString();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                refuse("query parameter", name);
                if (equals >= 0) {
                    refuse(name, decode(pair.substring(equals + 1)));
                }
            }
        }
        return checked;
    }

    private static void refuse(String field, String value) {
        String refusal = Text.refusal(value, false);
        if (refusal != null) {
            throw new RefusedCharacters(field, refusal);
        }
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new RefusedCharacters("query", "is not well-formed percent-encoding");
        }
    }
}
