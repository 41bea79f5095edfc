package org.awardinghub.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Tomcat's own error report, as a problem instead of an HTML page. It answers what the container refuses before the
 * application sees the request at all: an address it cannot decode ({@code %ZZ}, an encoded slash or NUL), a request
 * line or header it cannot parse, a {@code Content-Length} that is no number, a missing or doubled {@code Host}. The
 * status is the container's (400 nearly always; 505 for an HTTP version it does not speak, 501 for a transfer coding
 * it does not know, as HTTP requires); the body is the problem {@link ErrorPage} gives for the same status.
 */
public class ContainerErrorReport extends ErrorReportValve {

    private final ObjectMapper json;

    ContainerErrorReport(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return; // not an error, or already answered (by the application's own error page, say)
        }
        AtomicBoolean writable = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return; // the connection is gone: nobody to answer
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
            response.setStatus(status.value());
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(ErrorPage.problem(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away while being answered: nothing more to do
        }
    }

    /** Puts the report in the place of Tomcat's on the host, before the server starts. */
    @Component
    static class Installation implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

        private final ObjectMapper json;

        Installation(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Host host = (Host) context.getParent();
                host.getPipeline().addValve(new ContainerErrorReport(json));
                // the host adds a valve of this class at its start only when it has none: so it keeps this one
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ContainerErrorReport.class.getName());
                }
            });
        }
    }
}
