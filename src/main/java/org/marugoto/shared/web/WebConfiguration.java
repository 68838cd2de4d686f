package org.marugoto.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Japanese first; {@code ?lang=en} switches to English and a cookie remembers the choice for a year. Static files are
 * served from their own paths only (see {@link #addResourceHandlers}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.JAPANESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("MARUGOTO_LANG");
        resolver.setDefaultLocale(Locale.JAPANESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /**
     * The static files, each path pattern with its own resource chain; Boot's catch-all {@code /**} mapping is off
     * ({@code spring.web.resources.add-mappings=false}). Thymeleaf passes every {@code @{...}} link through
     * {@code ResourceUrlEncodingFilter}, which asks the resource chain about each URL whose path matches a resource
     * pattern: with {@code /**} that was every link of every page, each resolution a class-path look-up under the
     * nested-jar lock (two thirds of the CPU under load, and a cache entry per distinct URL). Now a page link such as
     * {@code /households/…} matches no pattern and costs a string comparison; a static path is resolved once and
     * cached. The WebJars resolver turns {@code /webjars/htmx.org/dist/htmx.min.js} into its versioned path, which
     * browsers may keep for a year.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl hour = CacheControl.maxAge(Duration.ofHours(1));
        registry.addResourceHandler("/css/**")
                .addResourceLocations("classpath:/static/css/")
                .setCacheControl(hour)
                .resourceChain(true);
        registry.addResourceHandler("/js/**")
                .addResourceLocations("classpath:/static/js/")
                .setCacheControl(hour)
                .resourceChain(true);
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
                .resourceChain(true);
    }

    /**
     * {@code ?lang=} switches the language for every request, before anything else runs: also for pages that have no
     * handler (a mistyped address) and for the 503 page, which an interceptor would not see.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> languageSwitch(LocaleResolver locales) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String requested = request.getParameter("lang");
                if (requested != null) {
                    Locale locale = SUPPORTED.stream()
                            .filter(l -> l.getLanguage().equals(requested.strip()))
                            .findFirst()
                            .orElse(Locale.JAPANESE);
                    locales.setLocale(request, response, locale);
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
