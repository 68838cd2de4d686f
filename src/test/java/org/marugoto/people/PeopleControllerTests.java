package org.marugoto.people;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@MarugotoTest
class PeopleControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long persons(String familyName) {
        return jdbc.sql("select count(*) from person where family_name = ?")
                .param(familyName)
                .query(Long.class)
                .single();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    MockHttpServletRequestBuilder register(String family, String kana, String birthDate, String phone) {
        return post("/people/new")
                .with(csrf())
                .param("familyName", family)
                .param("givenName", "太郎")
                .param("familyNameKana", kana)
                .param("givenNameKana", "たろう")
                .param("sex", "MALE")
                .param("birthDate", birthDate)
                .param("phone", phone)
                .param("relationship", "SELF")
                .param("livesTogether", "true");
    }

    @Test
    @WithUserDetails("caseworker")
    void impossibleValuesGetAMessageAtTheFieldAndNothingIsSaved() throws Exception {
        mvc.perform(register("不正値", "漢字です", "平成32年1月1日", "090-1234-abcd"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("よみがなは、ひらがなまたはカタカナで入力してください。")))
                .andExpect(content().string(containsString("その元号にその年はありません")))
                .andExpect(content().string(containsString("電話番号は数字・ハイフン・括弧で入力してください。")));
        mvc.perform(register("不正値", "ふせいち", "昭和65年1月1日", ""))
                .andExpect(content().string(containsString("その元号にその年はありません")));
        mvc.perform(register("不正値", "ふせいち", "2099-01-01", ""))
                .andExpect(content().string(containsString("未来の日付は入力できません。")));
        mvc.perform(register("不正値", "ふせいち", "慶応3年1月1日", ""))
                .andExpect(content().string(containsString("日付として読み取れません")));
        mvc.perform(register("不正値", "ふせいち", "1800-01-01", ""))
                .andExpect(content().string(containsString("明治6年（1873年）より前の日付は扱えません。")));
        assertThat(persons("不正値")).isZero();
    }

    @Test
    @WithUserDetails("caseworker")
    void aPossibleDuplicateIsShownBeforeAnythingIsCreated() throws Exception {
        mvc.perform(register("重複確認", "ちょうふくかくにん", "S50.5.5", "")).andExpect(status().is3xxRedirection());
        assertThat(persons("重複確認")).isEqualTo(1);

        mvc.perform(register("重複確認", "チョウフクカクニン", "昭和50年5月5日", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("同じ人かもしれない記録が1件あります")))
                .andExpect(content().string(containsString("生年月日が同じ")));
        assertThat(persons("重複確認")).isEqualTo(1);

        mvc.perform(register("重複確認", "ちょうふくかくにん", "S50.5.5", "").param("confirmedNew", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(persons("重複確認")).isEqualTo(2);
    }

    @Test
    @WithUserDetails("caseworker2")
    void aRecordAtAnotherAgencyIsNamedByItsKindOnly() throws Exception {
        mvc.perform(register("ヨソノキカン", "よそのきかん", "S52.3.3", "")).andExpect(status().is3xxRedirection());
        var other = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername("caseworker"));
        mvc.perform(register("余所野機関", "ヨソノキカン", "昭和52年3月3日", "").with(other))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("この方の記録が他の機関にある可能性があります")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("よそのきかん"))));
    }

    @Test
    @WithUserDetails("caseworker")
    void theSearchPageAnswersHtmxWithTheResultsOnly() throws Exception {
        mvc.perform(get("/people").param("q", "ささき とみ").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("佐々木 トミ")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
    }

    @Test
    @WithUserDetails("admin")
    void administratorsCannotSearchPersons() throws Exception {
        mvc.perform(get("/people").param("q", "ささき")).andExpect(status().isForbidden());
    }

    @Test
    @WithUserDetails("caseworker")
    void namesAndNotesAreJoinedWithTheLanguagesOwnPunctuation() throws Exception {
        String location = mvc.perform(register("句読点", "くとうてん", "1970-04-01", "").param("confirmedNew", "true"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String number = jdbc.sql("select case_number from household h join household_member m on m.household_id = h.id"
                        + " join person p on p.id = m.person_id where p.family_name = '句読点'")
                .query(String.class)
                .single();
        mvc.perform(get(location)).andExpect(content().string(containsString("世帯番号：" + number)));
        mvc.perform(get(location).cookie(new jakarta.servlet.http.Cookie("MARUGOTO_LANG", "en")))
                .andExpect(content().string(containsString("Household number: " + number)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("：" + number))));
    }

    @Test
    @WithUserDetails("caseworker")
    void anAgeAYearOrAMonthIsRegisteredAsAnApproximateDateOfBirthAndShownAsEstimated() throws Exception {
        int thisYear = java.time.LocalDate.now(org.marugoto.shared.Japan.ZONE).getYear();
        String location = mvc.perform(register("推定歳", "すいていさい", "80歳くらい", "").param("confirmedNew", "true"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(jdbc.sql("select birth_date is null and birth_year = ? and birth_estimated from person"
                                + " where family_name = '推定歳'")
                        .param(thisYear - 80)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        mvc.perform(get(location)).andExpect(content().string(containsString((thisYear - 80) + "年頃（推定）")));
        mvc.perform(get(location).cookie(new jakarta.servlet.http.Cookie("MARUGOTO_LANG", "en")))
                .andExpect(content().string(containsString("around " + (thisYear - 80) + " (approx.)")));

        mvc.perform(register("推定月", "すいていつき", "昭和49年7月", "").param("confirmedNew", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select birth_year * 100 + birth_month from person where family_name = '推定月'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(197407);
        mvc.perform(register("推定年", "すいていねん", "1974", "").param("confirmedNew", "true"))
                .andExpect(status().is3xxRedirection());
        String id = jdbc.sql("select cast(id as varchar) from person where family_name = '推定年'")
                .query(String.class)
                .single();
        mvc.perform(get("/people/" + id))
                .andExpect(content().string(containsString("1974年（推定）")))
                .andExpect(content().string(containsString("value=\"1974\"")));

        // the edit form keeps it: saving unchanged leaves an approximate year approximate
        mvc.perform(post("/people/" + id)
                        .with(csrf())
                        .param("familyName", "推定年")
                        .param("givenName", "太郎")
                        .param("familyNameKana", "すいていねん")
                        .param("givenNameKana", "たろう")
                        .param("sex", "MALE")
                        .param("birthDate", "1974年頃")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select birth_estimated from person where family_name = '推定年'")
                        .query(Boolean.class)
                        .single())
                .isTrue();

        // still refused, at the field: nonsense, a year to come, an age beyond belief
        mvc.perform(register("不正推定", "ふせいすいてい", "そのうち", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("日付として読み取れません")));
        mvc.perform(register("不正推定", "ふせいすいてい", String.valueOf(thisYear + 1), ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("未来の日付は入力できません。")));
        mvc.perform(register("不正推定", "ふせいすいてい", "300歳くらい", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("日付として読み取れません")));
        assertThat(persons("不正推定")).isZero();
    }
}
