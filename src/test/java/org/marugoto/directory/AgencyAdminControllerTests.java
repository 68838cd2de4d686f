package org.marugoto.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

@MarugotoTest
class AgencyAdminControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DirectoryApi directory;

    @Test
    @WithUserDetails("admin")
    void createsAnAgencyAndACounter() throws Exception {
        mvc.perform(post("/admin/agencies/new")
                        .with(csrf())
                        .param("code", "MVC-AGENCY")
                        .param("name", "美月野市 ひきこもり地域支援センター")
                        .param("nameKana", "ひきこもりちいきしえんせんたー")
                        .param("kind", "OTHER")
                        .param("phone", "0470-99-0001")
                        .param("acceptsReferrals", "true")
                        .param("active", "true"))
                .andExpect(status().is3xxRedirection());
        AgencyView agency = directory.agencyByCode("MVC-AGENCY").orElseThrow();

        mvc.perform(post("/admin/agencies/" + agency.id() + "/counters/new")
                        .with(csrf())
                        .param("code", "C1")
                        .param("name", "ひきこもり相談")
                        .param("hours", "火・木 10:00〜16:00")
                        .param("active", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(directory.counters(agency.id()))
                .extracting(CounterView::name)
                .containsExactly("ひきこもり相談");
    }

    @Test
    @WithUserDetails("admin")
    void badInputChangesNothing() throws Exception {
        AgencyView before = directory.agencyByCode("HOKATSU-S").orElseThrow();
        mvc.perform(post("/admin/agencies/" + before.id())
                        .with(csrf())
                        .param("code", "HOKATSU-S")
                        .param("name", before.name())
                        .param("kind", "")
                        .param("phone", "電話してね")
                        .param("email", "not-an-address")
                        .param("version", String.valueOf(before.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("選んでください。")))
                .andExpect(content().string(containsString("電話番号は数字・ハイフン・括弧で入力してください。")))
                .andExpect(content().string(containsString("メールアドレスの形式が正しくありません。")));
        assertThat(directory.agencyByCode("HOKATSU-S").orElseThrow()).isEqualTo(before);
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorsCannotManageAgencies() throws Exception {
        mvc.perform(get("/admin/agencies")).andExpect(status().isForbidden());
    }

    @Test
    @WithUserDetails("minsei")
    void everyoneCanBrowseTheDirectory() throws Exception {
        mvc.perform(get("/directory").param("q", "包括"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("北部地域包括支援センター")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("くらし・しごと相談センター"))));
    }

    @Test
    @WithUserDetails("minsei")
    void anHtmxSearchReturnsOnlyTheResults() throws Exception {
        mvc.perform(get("/directory").param("kind", "SELF_RELIANCE_SUPPORT").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("くらし・しごと相談センター")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
    }
}
