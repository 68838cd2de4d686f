package org.marugoto.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * What a request may carry, checked before anything else reads it:
 *
 * <ul>
 *   <li>a form larger than the server accepts ({@code server.tomcat.max-http-form-post-size}) gets a translated 413
 *       page instead of the container's bare one;
 *   <li>a NUL character in any parameter (PostgreSQL cannot store it in text) is removed before the request goes on,
 *       so that no filter (the login included) passes it to the database; a page or form handler then refuses the
 *       request with a translated 400 page rather than acting on altered input.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class InputLimits implements WebMvcConfigurer {

    static final String NUL_REMOVED = InputLimits.class.getName() + ".NUL_REMOVED";

    private final SpringTemplateEngine templates;
    private final LocaleResolver locales;
    private final long maxFormSize;

    InputLimits(
            SpringTemplateEngine templates,
            LocaleResolver locales,
            @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxFormSize) {
        this.templates = templates;
        this.locales = locales;
        this.maxFormSize = maxFormSize.toBytes();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> inputLimitsFilter() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (isForm(request) && maxFormSize >= 0 && request.getContentLengthLong() > maxFormSize) {
                    render(request, response, HttpStatus.CONTENT_TOO_LARGE);
                    return;
                }
                Map<String, String[]> parameters;
                try {
                    parameters = request.getParameterMap();
                } catch (IllegalStateException unreadable) {
                    // the container could not read the parameters: too large (chunked) or malformed
                    boolean tooLarge =
                            unreadable instanceof org.apache.tomcat.util.http.InvalidParameterException invalid
                                    && invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value();
                    render(request, response, tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
                    return;
                }
                if (containsNul(parameters)) {
                    request.setAttribute(NUL_REMOVED, Boolean.TRUE);
                    chain.doFilter(new WithoutNul(request, parameters), response);
                } else {
                    chain.doFilter(request, response);
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getAttribute(NUL_REMOVED) != null) {
                    throw new UnacceptableInput("error.input.nul");
                }
                return true;
            }
        });
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    static boolean containsNul(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Writes the standalone error page (or, for the API, a problem document); the layout needs a handler. */
    private void render(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status.value());
        response.setHeader("Connection", "close");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d}"
                            .formatted(status.getReasonPhrase(), status.value()));
            return;
        }
        Locale locale = locales.resolveLocale(request);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        Context context = new Context(locale, Map.of("status", status.value(), "lang", locale.getLanguage()));
        templates.process("request-error", context, response.getWriter());
    }

    /** The request with NUL removed from every parameter name and value. */
    private static final class WithoutNul extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        WithoutNul(HttpServletRequest request, Map<String, String[]> original) {
            super(request);
            Map<String, String[]> cleaned = new LinkedHashMap<>();
            original.forEach((name, values) -> {
                String[] copy = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    // a servlet container never puts null into a parameter's values
                    copy[i] = values[i] == null ? "" : values[i].replace("\0", "");
                }
                cleaned.merge(name.replace("\0", ""), copy, (a, b) -> {
                    String[] both = new String[a.length + b.length];
                    System.arraycopy(a, 0, both, 0, a.length);
                    System.arraycopy(b, 0, both, a.length, b.length);
                    return both;
                });
            });
            this.parameters = Collections.unmodifiableMap(cleaned);
        }

        @Override
        public @Nullable String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
