package org.marugoto.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.marugoto.shared.db.DatabaseAvailability;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Answers 503 with a translated page, before anything else runs (sign-in included), while the application is still
 * starting (migrations, demo city) or while its database does not answer. Health endpoints and static files are
 * always served. The same page is used when a request meets a lost connection ({@link #render}).
 */
@Configuration(proxyBeanMethods = false)
public class ServiceAvailability {

    private final SpringTemplateEngine templates;
    private final LocaleResolver locales;

    ServiceAvailability(SpringTemplateEngine templates, LocaleResolver locales) {
        this.templates = templates;
        this.locales = locales;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> serviceAvailabilityFilter(
            ApplicationAvailability availability, DatabaseAvailability database) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                if (alwaysServed(path)) {
                    chain.doFilter(request, response);
                } else if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
                    render(request, response, true);
                } else if (!database.available()) {
                    render(request, response, false);
                } else {
                    try {
                        chain.doFilter(request, response);
                    } catch (ServletException | RuntimeException e) {
                        // e.g. a commit that lost its connection: nothing was saved, say so rather than 500
                        if (!DatabaseAvailability.isConnectionFailure(e) || response.isCommitted()) {
                            throw e;
                        }
                        database.connectionFailed(e);
                        render(request, response, false);
                    }
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    private static boolean alwaysServed(String path) {
        return path.startsWith("/actuator/")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.equals("/favicon.ico");
    }

    /** Writes the 503 page (or, for the API, a problem document) to {@code response}. */
    public void render(HttpServletRequest request, HttpServletResponse response, boolean starting) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", starting ? "10" : "5");
        response.setHeader("Cache-Control", "no-store");
        Locale locale = locales.resolveLocale(request);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503}");
            return;
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        Context context = new Context(locale, Map.of("starting", starting, "lang", locale.getLanguage()));
        templates.process("unavailable", context, response.getWriter());
    }
}
