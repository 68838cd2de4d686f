package org.marugoto.community.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The residents' pages ({@code /public/**}) have a filter chain of their own, before the staff chain: everyone may
 * use them, they never create or read a session (so they are the same for everyone, cacheable, and cheap), and the one
 * form on them (the interest form) is protected against cross-site posting by a signed double-submit cookie
 * ({@link InterestFormTokens}) instead of the session's CSRF token. Staff sign-in stays at {@code /login}.
 */
@Configuration(proxyBeanMethods = false)
class PublicSecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain residents(HttpSecurity http) throws Exception {
        http.securityMatcher("/public", "/public/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                // the interest form checks its own signed double-submit token (InterestFormTokens)
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> {})
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
