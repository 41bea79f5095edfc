package org.awardinghub.api.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Optional;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.providers.JavadocProvider;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document served at {@code /v3/api-docs} (ADR 0148): who the API is and which release, how to sign in
 * (a bearer token, which Swagger UI gets with a PIN and password), and the customisers that make each operation say
 * what the server really does. Everything is derived from the code: the handlers' Javadoc, {@code @Public}, their
 * declared types and statuses, and the problem responses every request can meet.
 */
@Configuration
public class ApiDocument {

    static final String BEARER = "bearer";
    static final String PIN = "pin";
    /** Where a PIN and password are exchanged for a bearer token (OAuth2's password grant). */
    static final String TOKEN_URL = "/api/auth/token";

    @Bean
    OpenAPI awardingHubApi(Optional<BuildProperties> build) {
        return new OpenAPI()
                .info(new Info()
                        .title("Awarding Hub API")
                        .version(build.map(BuildProperties::getVersion).orElse("development"))
                        .description("Centres, candidates, portfolios, assessments and certificates of an awarding"
                                + " organisation, recorded as events. Sign in with a PIN and password"
                                + " (POST /api/auth/login, or the password grant at " + TOKEN_URL + ") and send"
                                + " the token as `Authorization: Bearer`. Every error is an RFC 9457 problem"
                                + " (`application/problem+json`).")
                        .license(new License()
                                .name("Apache License 2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0")))
                .addServersItem(new Server().url("/").description("This server"))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("The token answered by sign-in, or a candidate's attempt token"
                                                + " for their own attempt"))
                        .addSecuritySchemes(
                                PIN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.OAUTH2)
                                        .description("A PIN and password exchanged for a bearer token")
                                        .flows(new OAuthFlows()
                                                .password(new OAuthFlow()
                                                        .tokenUrl(TOKEN_URL)
                                                        .scopes(new Scopes()))))
                        .addSchemas(ProblemSchema.NAME, ProblemSchema.schema())
                        .addSchemas(ProblemSchema.FIELD_ERROR, ProblemSchema.fieldError()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(PIN));
    }

    @Bean
    OperationDocumentation operationDocumentation(Optional<JavadocProvider> javadoc, ObjectMapper json) {
        return new OperationDocumentation(javadoc.orElse(null), new Examples(json));
    }

    @Bean
    GlobalOpenApiCustomizer documentWide(OperationDocumentation operations) {
        return new DocumentWide(operations);
    }

    @Bean
    PropertyCustomizer nullableProperties() {
        return new PropertyTypes();
    }

    /**
     * Swagger's model resolver naming each schema by {@link SchemaNames}: registered first among the converters, it
     * takes the place of the default resolver and ends last in the chain, behind springdoc's own converters.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ModelResolver modelResolver(
            ObjectMapperProvider mappers,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers) {
        return new ModelResolver(mappers.jsonMapper(), new SchemaNames(handlers));
    }
}
