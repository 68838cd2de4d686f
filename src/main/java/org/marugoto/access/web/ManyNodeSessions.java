package org.marugoto.access.web;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Several application nodes ({@code marugoto.nodes=many}, decision 0030): the sessions live in the database (Spring
 * Session JDBC, tables made by a migration), so that a session started on one node goes on on another, and the limit of
 * five sessions per person counts the sessions of every node. With one node (the default) the servlet container keeps
 * the sessions in memory and none of this is made.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "marugoto.nodes", havingValue = "many")
@EnableJdbcHttpSession
class ManyNodeSessions {

    /** The same idle timeout as the container's ({@code server.servlet.session.timeout}), and PostgreSQL upserts. */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
            @Value("${server.servlet.session.timeout:15m}") Duration timeout) {
        return repository -> {
            repository.setDefaultMaxInactiveInterval(timeout);
            new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
        };
    }

    /** The same cookie as the container's: its name, secure, HTTP only, SameSite=Lax. */
    @Bean
    CookieSerializer sessionCookie(
            @Value("${server.servlet.session.cookie.name:MARUGOTO_SESSION}") String name,
            @Value("${server.servlet.session.cookie.secure:true}") boolean secure) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(name);
        cookie.setUseSecureCookie(secure);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setCookiePath("/");
        cookie.setUseBase64Encoding(false);
        return cookie;
    }

    /** The sessions of every node, by person (the limit of five sessions, the end of a person's sessions). */
    @Bean
    <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }
}
