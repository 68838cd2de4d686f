package org.marugoto.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** What a browser gets when something goes wrong: translated pages, never JSON, a container page or a 500. */
@MarugotoTest
class ErrorPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ErrorHandling errorHandling;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void aRedirectToTheLoginPageIgnoresTheHostHeader() throws IOException {
        String response = exchange(
                "GET /people HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n" + "Connection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 302");
        assertThat(header(response, "Location")).isEqualTo("/login");
        assertThat(response).doesNotContain("evil.example");
    }

    @Test
    @WithUserDetails("caseworker")
    void aMistypedAddressGivesABrowserTheTranslatedPageAndAProgramAProblemDocument() throws Exception {
        mvc.perform(get("/peple").accept(MediaType.TEXT_HTML, MediaType.ALL))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("ページが見つかりません")));
        mvc.perform(get("/peple").param("lang", "en").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Page not found")));
        mvc.perform(get("/api/no-such-thing").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aFormTooLargeGetsTheTranslated413Page() throws IOException {
        int size = 10 * 1024 * 1024;
        String response;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + size
                            + "\r\nConnection: close\r\n\r\nusername=a&note=")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 16; i++) {
                    out.write(chunk);
                }
                out.flush();
            } catch (IOException closedEarly) {
                // the server answered before reading the whole body
            }
            response = read(socket.getInputStream());
        }
        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response).contains("送信された内容が大きすぎます").doesNotContain("HTTP Status 413");
    }

    @Test
    @WithUserDetails("caseworker")
    void aNulCharacterInSearchOrAFormIsRefusedWithATranslatedPage() throws Exception {
        mvc.perform(get("/people").param("q", "山田\0").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("NUL文字")));
        mvc.perform(post("/people/new")
                        .with(csrf())
                        .param("familyName", "ヌル\0")
                        .param("familyNameKana", "ぬる")
                        .param("sex", "MALE")
                        .param("relationship", "SELF")
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("NUL文字")));
        assertThat(jdbc.sql("select count(*) from person where family_name like 'ヌル%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    @WithUserDetails("caseworker")
    void theErrorSummaryNamesTheFieldOfEachMessage() throws Exception {
        UUID household = jdbc.sql("select id from household where name = '佐々木家' order by case_number limit 1")
                .query(UUID.class)
                .single();
        String page = mvc.perform(post("/households/" + household + "/consultations/new")
                        .with(csrf())
                        .param("submissionToken", UUID.randomUUID().toString())
                        .param("channel", "")
                        .param("consulterType", "")
                        .param("consentStatus", "")
                        .param("firstResponse", ""))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String summary = page.substring(
                page.indexOf("id=\"error-summary\""), page.indexOf("</ul>", page.indexOf("id=\"error-summary\"")));
        assertThat(summary)
                .contains("相談の経路：選んでください。")
                .contains("相談者：選んでください。")
                .contains("情報共有への同意：選んでください。")
                .contains("最初の対応：選んでください。");
    }

    @Test
    @WithUserDetails("auditor")
    void aNulCharacterInTheAuditFilterIsRefusedWithATranslatedPage() throws Exception {
        mvc.perform(get("/audit").param("actor", "care\0worker").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("NUL文字")));
    }

    @Test
    void aNulCharacterAtTheLoginIsAWrongLoginNotAnError() throws Exception {
        mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", "case\0worker")
                        .param("password", "x"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aRuleViolationThatNoFormCaughtIsATranslatedPageNotA500() throws Exception {
        // a local class: component scanning does not find it, so the application does not serve it
        @Controller
        class Throwing {
            @GetMapping("/throws")
            @ResponseBody
            String fail() {
                throw new RuleViolation("date", "validation.date.future");
            }
        }
        MockMvc standalone = MockMvcBuilders.standaloneSetup(new Throwing())
                .setControllerAdvice(errorHandling)
                .setLocaleResolver(new org.springframework.web.servlet.i18n.FixedLocaleResolver(Locale.JAPANESE))
                .build();
        standalone
                .perform(get("/throws").accept(MediaType.TEXT_HTML))
                .andExpect(status().isUnprocessableContent())
                .andExpect(view().name("error"))
                .andExpect(model().attribute("status", 422))
                .andExpect(model().attribute("message", "未来の日付は入力できません。"));
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // a connection the server closed after answering
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String header(String response, String name) {
        for (String line : response.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                return line.substring(name.length() + 1).strip();
            }
            if (line.isEmpty()) {
                break;
            }
        }
        return "";
    }
}
