package org.awardinghub.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.awardinghub.api.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** No endpoint of the API is left to chance: each says who may call it. */
class EndpointDeclarationsTest extends ApplicationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void givenEveryApiEndpoint_whenInspected_thenItDeclaresWhoMayCallIt() {
        List<String> undeclared = mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getKey().getPatternValues().stream().anyMatch(p -> p.startsWith("/api/")))
                .filter(e -> !e.getValue().hasMethodAnnotation(Allow.class)
                        && !e.getValue().hasMethodAnnotation(Public.class))
                .map(e -> e.getKey().toString())
                .toList();
        assertThat(mappings.getHandlerMethods()).hasSizeGreaterThan(30);
        assertThat(undeclared).isEmpty();
    }
}
