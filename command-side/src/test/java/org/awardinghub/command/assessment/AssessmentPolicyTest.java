package org.awardinghub.command.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

class AssessmentPolicyTest {

    /** The policy as the Spring Boot application creates it: properties, Boot's duration conversion, defaults. */
    static AssessmentPolicy started(Map<String, Object> properties) {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
            context.register(AssessmentPolicy.class);
            context.refresh();
            return context.getBean(AssessmentPolicy.class);
        }
    }

    @Test
    void givenNoProperties_whenStarted_thenTheAwardingOrganisationsDefaults() {
        AssessmentPolicy policy = started(Map.of());

        assertThat(policy.resitAfter()).isEqualTo(Duration.ofHours(48));
        assertThat(policy.accessKeyValidFor()).isEqualTo(Duration.ofHours(2));
        assertThat(policy.tokenGrace()).isEqualTo(Duration.ofMinutes(30));
        assertThat(AssessmentPolicy.defaults()).usingRecursiveComparison().isEqualTo(policy);
    }

    @Test
    void givenProperties_whenStarted_thenTheirDurations() {
        AssessmentPolicy policy = started(Map.of(
                "awarding.assessment.resit-after",
                "24h",
                "awarding.assessment.access-key-valid-for",
                "PT45M",
                "awarding.assessment.token-grace",
                "90s"));

        assertThat(policy.resitAfter()).isEqualTo(Duration.ofHours(24));
        assertThat(policy.accessKeyValidFor()).isEqualTo(Duration.ofMinutes(45));
        assertThat(policy.tokenGrace()).isEqualTo(Duration.ofSeconds(90));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "awarding.assessment.resit-after",
                "awarding.assessment.access-key-valid-for",
                "awarding.assessment.token-grace"
            })
    void givenAZeroOrNegativeDuration_whenStarted_thenStartUpFailsNamingTheProperty(String property) {
        assertThatThrownBy(() -> started(Map.of(property, "0s")))
                .isInstanceOf(BeanCreationException.class)
                .hasStackTraceContaining(property);
        assertThatThrownBy(() -> started(Map.of(property, "-1h")))
                .isInstanceOf(BeanCreationException.class)
                .hasStackTraceContaining(property);
    }
}
