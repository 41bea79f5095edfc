package org.awardinghub.api.security;

import java.time.Clock;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.problem.Problems;
import org.awardinghub.command.assessment.AttemptDirectory;
import org.awardinghub.command.assessment.AttemptTokens;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.user.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Stateless bearer sessions. Spring Security only establishes who is calling; which role and centre may do
 * what is decided per endpoint by {@link Access}, where the rule sits next to the code it guards. The actuator's
 * health and probes are open (their details only for IMI staff); its metrics are for IMI staff, or for anyone who
 * reaches the management port when {@code management.server.port} sets one apart (ADR 0143).
 */
@Configuration
class SecurityConfiguration {

    @Bean
    public SecurityFilterChain api(
            HttpSecurity http,
            SessionStore sessions,
            UserDirectory directory,
            AttemptTokens attemptTokens,
            AttemptDirectory attempts,
            CandidateDirectory candidates,
            Clock clock,
            Problems problems,
            SecurityPolicy policy,
            @Value("${management.server.port:-1}") int managementPort)
            throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.referrerPolicy(
                                r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'none'")))
                .addFilterBefore(new BearerSessionFilter(sessions, directory), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new StoreUnavailableFilter(problems), BearerSessionFilter.class)
                .addFilterAfter(
                        new AttemptTokenFilter(attemptTokens, attempts, candidates, clock), BearerSessionFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/api/auth/login",
                                "/api/auth/token",
                                "/api/auth/activate",
                                "/api/auth/password-reset",
                                "/api/auth/password-reset/complete",
                                "/api/assessment-attempts/start",
                                "/api/certificates/*/verify")
                        .permitAll()
                        .requestMatchers("/api/**")
                        .authenticated()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers(request -> request.getLocalPort() == managementPort)
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasAnyRole(Role.IMI_ADMIN.name(), Role.AUDITOR.name())
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> problems.write(
                                response,
                                ApiProblem.unauthorized("Sign in first: send Authorization: Bearer <token>; "
                                        + "a session ends after "
                                        + policy.sessionIdle().toMinutes()
                                        + " minutes without activity")))
                        .accessDeniedHandler((request, response, failure) ->
                                problems.write(response, ApiProblem.forbidden("Your role does not allow this"))))
                .build();
    }

    /** Keeps Spring Boot from creating its default user with a generated password: sign-in is ours. */
    @Bean
    public UserDetailsService noDefaultUser() {
        return new InMemoryUserDetailsManager();
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
