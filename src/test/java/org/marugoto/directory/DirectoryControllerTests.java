package org.marugoto.directory;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.area.AreaApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

@MarugotoTest
class DirectoryControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DirectoryApi directory;

    @Autowired
    AreaApi areas;

    @Test
    @WithUserDetails("caseworker")
    void findsServicesByIssueAreaAndAge() throws Exception {
        String south = areas.findByCode("S1-1").orElseThrow().id().toString();
        AgencyView southCentre = directory.agencyByCode("HOKATSU-S").orElseThrow();
        AgencyView northCentre = directory.agencyByCode("HOKATSU-N").orElseThrow();
        mvc.perform(get("/directory")
                        .param("issue", "CARE")
                        .param("area", south)
                        .param("age", "７８歳"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/directory/" + southCentre.id())))
                .andExpect(content().string(containsString("介護予防ケアマネジメント")))
                .andExpect(content().string(containsString("<span class=\"tag\">介護</span>")))
                .andExpect(content().string(not(containsString("/directory/" + northCentre.id()))))
                .andExpect(content().string(not(containsString("ヤングケアラー相談"))));
    }

    @Test
    @WithUserDetails("minsei")
    void findsAServiceTypedInHalfWidthKatakana() throws Exception {
        mvc.perform(get("/directory").param("q", "ﾌｰﾄﾞﾊﾞﾝｸ").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("くらし・しごと相談センター")))
                .andExpect(content().string(containsString("フードバンク（食料支援）")))
                .andExpect(content().string(not(containsString("住居確保給付金"))))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    @WithUserDetails("caseworker")
    void saysWhenTheAgeCannotBeRead() throws Exception {
        mvc.perform(get("/directory").param("age", "よんじゅう"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("年齢は数字で入力してください")));
    }

    @Test
    @WithUserDetails("caseworker")
    void theAgencyPageShowsWhatEachServiceHandlesAndWhen() throws Exception {
        AgencyView jiritsu = directory.agencyByCode("JIRITSU").orElseThrow();
        mvc.perform(get("/directory/" + jiritsu.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("家計改善支援")))
                .andExpect(content().string(containsString("債務")))
                .andExpect(content().string(containsString("月〜金 9:00〜16:00（緊急時はまず電話を）")))
                .andExpect(content().string(containsString("やさしい日本語")))
                .andExpect(content().string(containsString("車いす対応・筆談可")))
                .andExpect(content().string(containsString("15歳以上")))
                .andExpect(content().string(containsString("受け付ける")));
        AgencyView shakyo = directory.agencyByCode("SHAKYO").orElseThrow();
        mvc.perform(get("/directory/" + shakyo.id()))
                .andExpect(content().string(containsString("ボランティアの紹介")))
                .andExpect(content().string(containsString("つなぎは受け付けない")));
    }
}
