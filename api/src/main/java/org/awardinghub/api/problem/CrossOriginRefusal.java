package org.awardinghub.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * The API allows no other origin: a browser's preflight for a cross-origin request is refused with 403, as Spring
 * refuses it, but as a problem rather than Spring's plain text "Invalid CORS request". Every handler mapping (the
 * controllers', the pages', the static files') refuses so.
 */
@Component
class CrossOriginRefusal implements BeanPostProcessor {

    private final ObjectProvider<ObjectMapper> json;

    CrossOriginRefusal(ObjectProvider<ObjectMapper> json) {
        this.json = json;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof AbstractHandlerMapping mapping) {
            mapping.setCorsProcessor(new Processor());
        }
        return bean;
    }

    private final class Processor extends DefaultCorsProcessor {
        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.getBody()
                    .write(json.getObject()
                            .writeValueAsBytes(Problems.of(
                                    HttpStatus.FORBIDDEN,
                                    "Not allowed",
                                    "Cross-origin requests are not allowed: the API answers the pages of its own"
                                            + " origin only",
                                    List.of())));
            response.flush();
        }
    }
}
