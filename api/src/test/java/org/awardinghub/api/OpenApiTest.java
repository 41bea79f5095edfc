package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Integrators find the running API described and can try it in Swagger UI. */
class OpenApiTest extends ApplicationTest {

    @Test
    void givenRunningApplication_whenApiDocsRequested_thenEveryFoundationPathIsDescribed() {
        var docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").properties())
                .extracting(java.util.Map.Entry::getKey)
                .contains(
                        "/api/auth/login",
                        "/api/auth/activate",
                        "/api/me",
                        "/api/users",
                        "/api/centres",
                        "/api/centres/{centreId}/approve",
                        "/api/centres/{centreId}/users",
                        "/api/centres/{centreId}/requests",
                        "/api/qualifications",
                        "/api/outbox");
        assertThat(http.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }
}
