package org.marugoto.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.marugoto.access.Role;
import org.marugoto.shared.db.DatabaseAvailability;
import org.marugoto.shared.web.ServiceAvailability;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.session.InvalidSessionStrategy;
import org.springframework.security.web.session.SimpleRedirectInvalidSessionStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Form login with bcrypt and a TOTP second factor ({@link SecondFactorLogin}, {@link SecondFactorGate}), CSRF on every
 * form, a strict content security policy (the application loads nothing from
 * elsewhere), one idle timeout, and a session registry so that disabling an account ends its sessions at once. The
 * JSON API under {@code /api/} takes the same login session and answers refusals with problem documents.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    SecurityFilterChain web(
            HttpSecurity http,
            SessionRegistry sessionRegistry,
            JsonMapper json,
            MessageSource messages,
            LocaleResolver locales,
            AbsoluteSessionTimeout absoluteTimeout,
            SecondFactorLogin secondFactorLogin,
            java.time.Clock clock,
            org.marugoto.access.domain.StaffService staff,
            org.springframework.core.env.Environment environment,
            DatabaseAvailability database,
            ServiceAvailability unavailable)
            throws Exception {
        AuthenticationFailureHandler loginFailed = loginFailure(database, unavailable);
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        ApiProblems apiProblems = new ApiProblems(json, messages, locales);
        InvalidSessionStrategy toLogin = new SimpleRedirectInvalidSessionStrategy("/login?timeout");
        InvalidSessionStrategy invalidSession = (HttpServletRequest request, HttpServletResponse response) -> {
            if (api.matches(request)) {
                apiProblems.onInvalidSessionDetected(request, response);
            } else {
                toLogin.onInvalidSessionDetected(request, response);
            }
        };
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                // anonymous visitors get the residents' pages there (HomeController)
                                "/",
                                "/login",
                                // the second step checks the pending login itself
                                "/login/mfa",
                                "/login/mfa/enrol",
                                "/css/**",
                                "/js/**",
                                "/images/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health",
                                "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("SYSTEM_ADMIN")
                        .requestMatchers("/volunteer", "/volunteer/**")
                        .hasRole("VOLUNTEER")
                        // the unmet needs (no person named) are also the planners' material
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/participation/needs")
                        .hasAnyRole(
                                Role.CASEWORKER.name(),
                                Role.AGENCY_SUPERVISOR.name(),
                                Role.MUNICIPAL_COORDINATOR.name(),
                                Role.PLANNER.name())
                        // statistics (counts only, no personal data): coordinators, supervisors and planners
                        .requestMatchers("/statistics", "/statistics/**")
                        .hasAnyRole(
                                Role.MUNICIPAL_COORDINATOR.name(), Role.AGENCY_SUPERVISOR.name(), Role.PLANNER.name())
                        // imports of households and persons: coordinators (the records become their agency's)
                        .requestMatchers("/imports", "/imports/**")
                        .hasRole(Role.MUNICIPAL_COORDINATOR.name())
                        // the community desk: organisers and professionals (reviewers are decided by the service)
                        .requestMatchers("/community", "/community/**")
                        .hasAnyRole(
                                Role.COMMUNITY_ORGANISER.name(),
                                Role.CASEWORKER.name(),
                                Role.AGENCY_SUPERVISOR.name(),
                                Role.MUNICIPAL_COORDINATOR.name())
                        // the professionals' screens: personal records are further decided record by record (AccessApi)
                        .requestMatchers(
                                "/people",
                                "/people/**",
                                "/households/**",
                                "/consultations/**",
                                "/consents/**",
                                "/referrals",
                                "/referrals/**",
                                "/notifications",
                                "/notifications/**",
                                "/cases",
                                "/cases/**",
                                "/plans/**",
                                "/plan-actions/**",
                                "/conferences/**",
                                "/conference-actions/**",
                                "/concerns",
                                "/concerns/**",
                                "/outreach",
                                "/outreach/**",
                                "/participation",
                                "/participation/**",
                                "/watch-requests/**",
                                "/emergency-access",
                                "/emergency-access/new")
                        .hasAnyRole(
                                Role.CASEWORKER.name(),
                                Role.AGENCY_SUPERVISOR.name(),
                                Role.MUNICIPAL_COORDINATOR.name())
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .failureHandler(loginFailed)
                        .successHandler(secondFactorLogin)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("MARUGOTO_SESSION"))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
                                .addEntryPointFor(apiProblems, api)
                                .defaultEntryPoint(loginPage())
                                .build())
                        .accessDeniedHandler(new RequestMatcherDelegatingAccessDeniedHandler(
                                new LinkedHashMap<>(Map.of(api, apiProblems)), new AccessDeniedHandlerImpl())))
                .sessionManagement(session -> session.invalidSessionStrategy(invalidSession)
                        .maximumSessions(5)
                        .sessionRegistry(sessionRegistry)
                        .expiredUrl("/login?ended"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (environment.getProperty("marugoto.oidc.enabled", Boolean.class, false)) {
            OidcLogin oidc = new OidcLogin(
                    staff,
                    secondFactorLogin,
                    sessionRegistry,
                    environment.getProperty("marugoto.oidc.username-claim", "preferred_username"));
            http.oauth2Login(login -> login.loginPage("/login")
                    .successHandler(oidc)
                    .failureHandler(loginFailed)
                    .permitAll());
        }
        http.addFilterBefore(
                absoluteTimeout, org.springframework.security.web.context.SecurityContextHolderFilter.class);
        http.addFilterAfter(
                new SecondFactorGate(clock),
                org.springframework.security.web.context.SecurityContextHolderFilter.class);
        return http.build();
    }

    /**
     * Sends a browser to the login page with a relative address: an absolute one would be built from the request's
     * {@code Host} header, which the client chooses ({@code Host: evil.example}).
     */
    private static LoginUrlAuthenticationEntryPoint loginPage() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    /**
     * A wrong name or password goes back to the login page; a login that failed because the database did not answer
     * gets the 503 page, never "wrong password".
     */
    private static AuthenticationFailureHandler loginFailure(
            DatabaseAvailability database, ServiceAvailability unavailable) {
        AuthenticationFailureHandler wrongCredentials = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            if (exception instanceof InternalAuthenticationServiceException
                    && DatabaseAvailability.isConnectionFailure(exception)) {
                database.connectionFailed(exception);
                unavailable.render(request, response, false);
            } else {
                wrongCredentials.onAuthenticationFailure(request, response, exception);
            }
        };
    }

    @Bean
    AbsoluteSessionTimeout absoluteSessionTimeout(
            @org.springframework.beans.factory.annotation.Value("${marugoto.security.absolute-session-timeout}")
                    java.time.Duration limit,
            java.time.Clock clock) {
        return new AbsoluteSessionTimeout(limit, clock);
    }

    /** The filter runs inside Spring Security's chain only, not a second time as a servlet filter. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<AbsoluteSessionTimeout>
            absoluteSessionTimeoutRegistration(AbsoluteSessionTimeout filter) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The sessions of this node; with several nodes {@link ManyNodeSessions} makes one of all nodes' sessions. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
            name = "marugoto.nodes",
            havingValue = "one",
            matchIfMissing = true)
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }
}
