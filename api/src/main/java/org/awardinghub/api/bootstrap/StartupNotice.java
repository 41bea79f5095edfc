package org.awardinghub.api.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the system where to open it and how to sign in. */
@Component
class StartupNotice {

    private static final Logger LOG = LoggerFactory.getLogger(StartupNotice.class);

    private final String dataDir;

    public StartupNotice(@Value("${awarding.data-dir}") String dataDir) {
        this.dataDir = dataDir;
    }

    @EventListener
    public void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : -1;
        String base = "http://localhost:" + port;
        LOG.info("""

                Awarding Hub is ready.
                  Open in a browser: {}/
                  Sign in with the IMI administrator's PIN and password (printed on first start, or the
                  AWARDING_BOOTSTRAP_ADMIN_PIN / AWARDING_BOOTSTRAP_ADMIN_PASSWORD you set).
                  Candidates sit tests at {}/test; certificates are checked at {}/verify.
                  API:          {}/api  (sign in: POST {}/api/auth/login with {"pin": "...", "password": "..."})
                  Swagger UI:   {}/swagger-ui/index.html
                  Data kept in: {}""", base, base, base, base, base, base, dataDir);
    }
}
