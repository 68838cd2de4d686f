package org.marugoto.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

@MarugotoTest
class AreaAdminControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AreaApi areas;

    @Test
    @WithUserDetails("admin")
    void listsTheHierarchy() throws Exception {
        mvc.perform(get("/admin/areas"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("北部圏域")))
                .andExpect(content().string(containsString("日常生活圏域")));
    }

    @Test
    @WithUserDetails("admin")
    void createsAnArea() throws Exception {
        String parent = areas.findByCode("C").orElseThrow().id().toString();
        mvc.perform(post("/admin/areas/new")
                        .with(csrf())
                        .param("parentId", parent)
                        .param("level", "JUNIOR_HIGH_DISTRICT")
                        .param("code", "MVC-NEW")
                        .param("name", "新設中学校区")
                        .param("nameKana", "しんせつちゅうがっこうく")
                        .param("population", "4200")
                        .param("active", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/areas"));
        assertThat(areas.findByCode("MVC-NEW"))
                .hasValueSatisfying(a -> assertThat(a.population()).isEqualTo(4200));
    }

    @Test
    @WithUserDetails("admin")
    void badInputShowsTranslatedMessagesAtTheFieldsAndSavesNothing() throws Exception {
        mvc.perform(post("/admin/areas/new")
                        .with(csrf())
                        .param("code", "MVC-BAD")
                        .param("name", "")
                        .param("nameKana", "漢字のよみ")
                        .param("population", "たくさん"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("入力内容に誤りがあります")))
                .andExpect(content().string(containsString("よみがなは、ひらがなまたはカタカナで入力してください。")))
                .andExpect(content().string(containsString("半角数字で入力してください。")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        assertThat(areas.findByCode("MVC-BAD")).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void badInputIsExplainedInEnglishToo() throws Exception {
        mvc.perform(post("/admin/areas/new")
                        .with(csrf())
                        .param("lang", "en")
                        .param("code", "N")
                        .param("name", "x")
                        .param("level", "DAILY_LIFE_AREA"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This code is already in use.")));
    }

    @Test
    @WithUserDetails("admin")
    void aStaleEditShowsTheNewerData() throws Exception {
        AreaView area = areas.findByCode("W1-2-J2").orElseThrow();
        String url = "/admin/areas/" + area.id();
        mvc.perform(post(url)
                        .with(csrf())
                        .param("parentId", area.parentId().toString())
                        .param("level", area.level().name())
                        .param("code", area.code())
                        .param("name", "稲穂二丁目町内会（改）")
                        .param("active", "true")
                        .param("version", String.valueOf(area.version())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(url)
                        .with(csrf())
                        .param("parentId", area.parentId().toString())
                        .param("level", area.level().name())
                        .param("code", area.code())
                        .param("name", "上書きしようとした名前")
                        .param("active", "true")
                        .param("version", String.valueOf(area.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("他の人がこの記録を更新しました")))
                .andExpect(content().string(containsString("稲穂二丁目町内会（改）")))
                .andExpect(content().string(not(containsString("value=\"上書きしようとした名前\""))));
        assertThat(areas.find(area.id()).orElseThrow().name()).isEqualTo("稲穂二丁目町内会（改）");
    }

    @Test
    @WithUserDetails("caseworker")
    void caseworkersAreRefused() throws Exception {
        mvc.perform(get("/admin/areas")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/areas/new")
                        .with(csrf())
                        .param("code", "MVC-DENIED")
                        .param("name", "x")
                        .param("level", "WARD"))
                .andExpect(status().isForbidden());
        assertThat(areas.findByCode("MVC-DENIED")).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void aFormWithoutCsrfTokenIsRefused() throws Exception {
        // a form without a valid token is what a user sends after the session timed out: back to the login page
        mvc.perform(post("/admin/areas/new")
                        .param("code", "MVC-CSRF")
                        .param("name", "x")
                        .param("level", "WARD"))
                .andExpect(redirectedUrl("/login?timeout"));
        assertThat(areas.findByCode("MVC-CSRF")).isEmpty();
    }
}
