package org.awardinghub.api.auth;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the {@code pin} security scheme, the OAuth 2.0 password flow of {@link TokenController}, so that Swagger
 * UI's Authorize dialog asks for a PIN and password, gets a bearer token and sends it with every call it tries. The
 * scheme is kept only when no other customiser has declared it.
 */
@Configuration
class SwaggerUiSignIn {

    static final String SCHEME = "pin";

    @Bean
    OpenApiCustomizer pinSecurityScheme() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            if (openApi.getComponents().getSecuritySchemes() != null
                    && openApi.getComponents().getSecuritySchemes().containsKey(SCHEME)) {
                return;
            }
            openApi.getComponents()
                    .addSecuritySchemes(
                            SCHEME,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.OAUTH2)
                                    .description("Sign in with your PIN as the username and your password")
                                    .flows(new OAuthFlows()
                                            .password(new OAuthFlow()
                                                    .tokenUrl(TokenController.PATH)
                                                    .scopes(new Scopes()))));
            if (openApi.getSecurity() == null || openApi.getSecurity().isEmpty()) {
                openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
            }
        };
    }
}
