package org.marugoto.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Sex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

@MarugotoTest
class ConsentControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PeopleApi people;

    @Autowired
    ConsentApi consents;

    @Autowired
    DirectoryApi directory;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.marugoto.referral.domain.ReferralService referrals;

    MemberView household(String family, String kana) {
        PeopleFixtures.actAs(users, "caseworker");
        return people.register(
                person(family, "花子", kana, "はなこ", Sex.FEMALE, LocalDate.of(1950, 2, 2), null, null), newHousehold());
    }

    long consentsOf(UUID household) {
        return jdbc.sql("select count(*) from consent where household_id = ?")
                .param(household)
                .query(Long.class)
                .single();
    }

    UUID agency(String code) {
        return directory.agencyByCode(code).orElseThrow().id();
    }

    @Test
    @WithUserDetails("caseworker")
    void aConsentIsRecordedFromTheHouseholdPageAndBadInputSavesNothing() throws Exception {
        MemberView hanako = household("画面同意", "がめんどうい");
        UUID id = hanako.householdId();
        mvc.perform(get("/households/{id}", id))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本人同意")))
                .andExpect(content().string(containsString("同意の記録はまだありません")));
        mvc.perform(get("/households/{id}/consents/new", id))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("画面同意 花子")));

        mvc.perform(post("/households/{id}/consents", id).with(csrf()).param("givenOn", "令和8年11月1日"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("同意の対象者を選んでください。")))
                .andExpect(content().string(containsString("共有先の機関を選んでください。")))
                .andExpect(content().string(containsString("同意の目的を選んでください。")))
                .andExpect(content().string(containsString("href=\"#personIds\"")));
        mvc.perform(post("/households/{id}/consents", id)
                        .with(csrf())
                        .param("personIds", hanako.person().id().toString())
                        .param("givenBy", "PERSON")
                        .param("agencyIds", agency("JIRITSU").toString())
                        .param("purposes", "INFORMATION_SHARING")
                        .param("method", "VERBAL_WITH_WITNESS")
                        .param("givenOn", "令和8年11月1日"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("口頭の同意では立会人の氏名を入力してください。")));
        assertThat(consentsOf(id)).isZero();

        mvc.perform(post("/households/{id}/consents", id)
                        .with(csrf())
                        .param("personIds", hanako.person().id().toString())
                        .param("givenBy", "PERSON")
                        .param("agencyIds", agency("JIRITSU").toString())
                        .param("purposes", "INFORMATION_SHARING", "SUPPORT_MEETING")
                        .param("method", "VERBAL_WITH_WITNESS")
                        .param("witness", "民生委員 田中")
                        .param("givenOn", "令和8年11月1日"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/households/" + id + "#consents"));
        assertThat(consentsOf(id)).isOne();
        mvc.perform(get("/households/{id}", id))
                .andExpect(content().string(containsString("支援チームでの情報共有")))
                .andExpect(content().string(containsString("重層的支援会議")))
                .andExpect(content().string(containsString("（立会人：民生委員 田中）")))
                .andExpect(content().string(containsString("有効")));
    }

    @Test
    @WithUserDetails("caseworker")
    void withdrawingNeedsAConfirmationAndEndsTheConsentAtOnce() throws Exception {
        MemberView hanako = household("画面撤回", "がめんてっかい");
        ConsentView consent = consents.record(new RecordConsent(
                hanako.householdId(),
                List.of(hanako.person().id()),
                ConsentGiver.PERSON,
                null,
                null,
                List.of(agency("JIRITSU")),
                EnumSet.of(ConsentPurpose.INFORMATION_SHARING),
                ConsentMethod.SIGNED_FORM,
                null,
                LocalDate.now().minusDays(1),
                null,
                null));
        mvc.perform(get("/consents/{id}/withdraw", consent.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("同意の撤回")))
                .andExpect(content().string(containsString("直ちにこの世帯を見られなくなります")));
        mvc.perform(post("/consents/{id}/withdraw", consent.id())
                        .with(csrf())
                        .param("version", String.valueOf(consent.version()))
                        .param("withdrawnOn", "今日")
                        .param("method", "SIGNED_FORM"))
                .andExpect(status().isOk());
        mvc.perform(post("/consents/{id}/withdraw", consent.id())
                        .with(csrf())
                        .param("version", String.valueOf(consent.version()))
                        .param("withdrawnOn", LocalDate.now().toString())
                        .param("method", "SIGNED_FORM"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("撤回の申し出を確認したらチェックしてください。")));
        assertThat(consents.isValid(consent.id())).isTrue();

        mvc.perform(post("/consents/{id}/withdraw", consent.id())
                        .with(csrf())
                        .param("version", String.valueOf(consent.version()))
                        .param("withdrawnOn", LocalDate.now().toString())
                        .param("method", "SIGNED_FORM")
                        .param("reason", "家族に知られたくない")
                        .param("confirmed", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("consentWithdrawn", true));
        assertThat(consents.stateOf(consent.id())).isEqualTo(ConsentState.WITHDRAWN);
        mvc.perform(get("/households/{id}", hanako.householdId()))
                .andExpect(content().string(containsString("撤回済み")));
        // a second withdrawal of the same consent is refused
        mvc.perform(post("/consents/{id}/withdraw", consent.id())
                        .with(csrf())
                        .param("version", String.valueOf(consent.version() + 1))
                        .param("withdrawnOn", LocalDate.now().toString())
                        .param("method", "SIGNED_FORM")
                        .param("confirmed", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("この同意はすでに撤回されています。")));
    }

    @Test
    @WithUserDetails("caseworker")
    void aStaleWithdrawalSaysSoKeepsWhatWasTypedAndCarriesTheNewerVersion() throws Exception {
        MemberView hanako = household("画面古い撤回", "がめんふるいてっかい");
        ConsentView consent = consents.record(new RecordConsent(
                hanako.householdId(),
                List.of(hanako.person().id()),
                ConsentGiver.PERSON,
                null,
                null,
                List.of(agency("JIRITSU")),
                EnumSet.of(ConsentPurpose.INFORMATION_SHARING),
                ConsentMethod.SIGNED_FORM,
                null,
                LocalDate.now().minusDays(1),
                null,
                null));
        // someone else changed the consent since the page was opened
        jdbc.sql("update consent set version = version + 1 where id = ?")
                .param(consent.id())
                .update();
        int newer = consent.version() + 1;

        mvc.perform(post("/consents/{id}/withdraw", consent.id())
                        .with(csrf())
                        .param("version", String.valueOf(consent.version()))
                        .param("withdrawnOn", LocalDate.now().toString())
                        .param("method", "SIGNED_FORM")
                        .param("reason", "古い画面から")
                        .param("confirmed", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("他の人がこの記録を更新しました")))
                .andExpect(content().string(containsString("古い画面から")))
                .andExpect(content().string(containsString("name=\"version\" value=\"" + newer + "\"")));
        assertThat(consents.isValid(consent.id())).isTrue();
    }

    @Test
    @WithUserDetails("caseworker")
    void theReferralFormShowsTheHouseholdsConsents() throws Exception {
        MemberView hanako = household("画面紹介", "がめんしょうかい");
        mvc.perform(get("/households/{id}/referrals/new", hanako.householdId()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("有効な同意の記録がありません")));
        PeopleFixtures.actAs(users, "caseworker");
        consents.record(new RecordConsent(
                hanako.householdId(),
                List.of(hanako.person().id()),
                ConsentGiver.PERSON,
                null,
                null,
                List.of(agency("JIRITSU")),
                EnumSet.of(ConsentPurpose.REFERRAL),
                ConsentMethod.SIGNED_FORM,
                null,
                LocalDate.now().minusDays(1),
                null,
                null));
        mvc.perform(get("/households/{id}/referrals/new", hanako.householdId()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("有効な同意の記録がありません"))))
                .andExpect(content().string(containsString("この世帯の有効な同意")))
                .andExpect(content().string(containsString("他機関へのつなぎ")));
    }

    @Test
    @WithUserDetails("caseworker")
    void theReferralViewShowsTheStateOfItsConsentRecord() throws Exception {
        MemberView hanako = household("画面状態", "がめんじょうたい");
        org.marugoto.referral.ReferralView sent = referrals.send(new org.marugoto.referral.domain.SendReferral(
                hanako.householdId(),
                null,
                agency("JIRITSU"),
                null,
                List.of(hanako.person().id()),
                List.of("INCOME"),
                org.marugoto.consultation.Urgency.NORMAL,
                "家計の相談",
                null,
                null,
                org.marugoto.consultation.ConsentStatus.GIVEN,
                null,
                LocalDate.now().plusDays(7)));
        mvc.perform(get("/referrals/{id}", sent.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("同意の記録")))
                .andExpect(content().string(containsString("id=\"consent-state\">有効<")));
        PeopleFixtures.actAs(users, "caseworker");
        ConsentView consent = consents.get(sent.consentId());
        consents.withdraw(
                consent.id(),
                consent.version(),
                new ConsentWithdrawal(LocalDate.now(), ConsentMethod.SIGNED_FORM, null));
        mvc.perform(get("/referrals/{id}", sent.id()))
                .andExpect(content().string(containsString("id=\"consent-state\">撤回済み<")));
    }
}
