package org.marugoto.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Page links built by Thymeleaf never go through the resource chain (a class-path look-up per link was most of the
 * CPU under load); static files still get their (versioned) URLs and are served.
 */
@MarugotoTest
class StaticResourceTests {

    static final String HTMX = "/webjars/htmx.org/dist/htmx.min.js";

    @Autowired
    MockMvc mvc;

    @Autowired
    ResourceUrlProvider resources;

    @Autowired
    UserDetailsService users;

    @Test
    void pageLinksAreNotResolvedAsResources() {
        assertThat(resources.getHandlerMap()).doesNotContainKey("/**");
        assertThat(resources.getHandlerMap()).containsKeys("/css/**", "/js/**", "/webjars/**");
        assertThat(resources.getForLookupPath("/people")).isNull();
        assertThat(resources.getForLookupPath("/households/0193a4f0-0000-7000-8000-000000000000"))
                .isNull();
        assertThat(resources.getForLookupPath("/")).isNull();
    }

    @Test
    void staticPathsAreResolvedAndTheHtmxWebJarGetsItsVersionedUrl() {
        assertThat(resources.getForLookupPath("/css/marugoto.css")).isEqualTo("/css/marugoto.css");
        String htmx = resources.getForLookupPath(HTMX);
        assertThat(htmx).matches("/webjars/htmx\\.org/\\d[^/]*/dist/htmx\\.min\\.js");
    }

    @Test
    void thePageLinksToTheVersionedHtmxAndItIsServedForLong() throws Exception {
        String htmx = resources.getForLookupPath(HTMX);
        mvc.perform(get("/people").with(user(users.loadUserByUsername("caseworker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("src=\"" + htmx + "\"")))
                .andExpect(content().string(containsString("href=\"/css/marugoto.css\"")))
                .andExpect(content().string(containsString("href=\"/people\"")));
        mvc.perform(get(htmx))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=31536000")));
        mvc.perform(get(HTMX)).andExpect(status().isOk());
        mvc.perform(get("/css/marugoto.css"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=3600")));
        mvc.perform(get("/js/marugoto.js")).andExpect(status().isOk());
    }
}
