package org.marugoto.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.marugoto.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OpenID Connect login against an in-process provider (mock-oauth2-server). A context of its own: OIDC is off in the
 * shared test configuration, as it is by default.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "marugoto.db.embedded.temporary=true",
            "marugoto.demo.enabled=true",
            "spring.mail.host=localhost",
            "spring.mail.port=3025",
            "marugoto.referral.overdue-check=1h",
            "marugoto.oidc.enabled=true"
        })
@AutoConfigureMockMvc
@Import(TestClock.Registration.class)
class OidcLoginTests {

    static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    static {
        PROVIDER.start();
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration.municipal.client-id", () -> "marugoto");
        registry.add(prefix + "registration.municipal.client-secret", () -> "test-secret");
        registry.add(prefix + "registration.municipal.scope", () -> "openid,profile");
        registry.add(prefix + "provider.municipal.issuer-uri", () -> PROVIDER.issuerUrl("municipal")
                .toString());
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.shutdown();
    }

    @Autowired
    MockMvc mvc;

    /** Runs the authorization-code flow for a provider user whose {@code preferred_username} is {@code username}. */
    MvcResult logInThroughTheProvider(String username, MockHttpSession session) throws Exception {
        MvcResult start = mvc.perform(get("/oauth2/authorization/municipal").session(session))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String authorize = start.getResponse().getRedirectedUrl();
        assertThat(authorize).startsWith(PROVIDER.issuerUrl("municipal").toString());

        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(
                "municipal", "sub-" + username, "JWT", List.of("marugoto"), Map.of("preferred_username", username)));
        HttpResponse<String> provider = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(provider.statusCode()).isEqualTo(302);
        var callback = UriComponentsBuilder.fromUriString(
                        provider.headers().firstValue("Location").orElseThrow())
                .build();
        assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/municipal");
        return mvc.perform(get(callback.getPath())
                        .session(session)
                        .param("code", decode(callback.getQueryParams().getFirst("code")))
                        .param("state", decode(callback.getQueryParams().getFirst("state"))))
                .andReturn();
    }

    static String decode(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theLoginPageOffersTheMunicipalProvider() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(content().string(containsString("href=\"/oauth2/authorization/municipal\"")))
                .andExpect(content().string(containsString("市の認証基盤でログイン")));
    }

    @Test
    void aProviderUserWithAStaffAccountIsLoggedInWithMarugotosRoles() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult result = logInThroughTheProvider("caseworker", session);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        mvc.perform(get("/").session(session))
                .andExpect(status().isOk())
                .andExpect(authenticated().withUsername("caseworker"))
                .andExpect(content().string(containsString("美月野市 北部地域包括支援センター")));
    }

    @Test
    void anAdministratorStillGivesTheSecondFactor() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult result = logInThroughTheProvider("admin2", session);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login/mfa");
        mvc.perform(get("/admin/staff").session(session)).andExpect(redirectedUrl("/login/mfa"));
    }

    @Test
    void aProviderUserWithoutAStaffAccountIsRefused() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult result = logInThroughTheProvider("someone.else", session);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        // "/" shows the residents' pages to anyone; a page for staff asks for the login
        mvc.perform(get("/account").session(new MockHttpSession())).andExpect(status().is3xxRedirection());
    }
}
