package org.marugoto.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.casework.domain.PlanService;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.outreach.OpenOutreach;
import org.marugoto.outreach.OutreachOrigin;
import org.marugoto.outreach.OutreachSource;
import org.marugoto.outreach.OutreachView;
import org.marugoto.outreach.domain.OutreachService;
import org.marugoto.participation.Interest;
import org.marugoto.participation.ProfileView;
import org.marugoto.participation.domain.ParticipationService;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Sex;
import org.marugoto.shared.Actor;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The support plan links to the household's outreach records and participation support in place of the free-text
 * fields 参加支援の必要 / アウトリーチの必要, whose earlier text stays as read-only history.
 */
@MarugotoTest
class PlanLinksTests {

    @Autowired
    CaseService cases;

    @Autowired
    PlanService plans;

    @Autowired
    OutreachService outreach;

    @Autowired
    ParticipationService participation;

    @Autowired
    PeopleApi people;

    @Autowired
    DirectoryApi directory;

    @Autowired
    UserDetailsService users;

    @Autowired
    MockMvc mvc;

    void as(String username) {
        PeopleFixtures.actAs(users, username);
    }

    UUID account(String username) {
        return ((Actor) users.loadUserByUsername(username)).accountId();
    }

    MemberView household(String family) {
        as("caseworker");
        return people.register(
                person(family, "正", "ぷらん", "ただし", Sex.MALE, LocalDate.of(1970, 6, 6), null, null), newHousehold());
    }

    OutreachView outreachFor(MemberView m) {
        as("caseworker");
        return outreach.open(new OpenOutreach(
                UUID.randomUUID(),
                m.householdId(),
                List.of(m.person().id()),
                OutreachSource.NEIGHBOUR,
                null,
                OutreachOrigin.DIRECT,
                null,
                List.of("ISOLATION"),
                "姿を見ない",
                LocalDate.now().minusDays(30),
                account("caseworker"),
                List.of(),
                null,
                List.of()));
    }

    CaseCommands.Plan plan(
            @org.jspecify.annotations.Nullable String participationText,
            @org.jspecify.annotations.Nullable String outreachText,
            List<UUID> outreachIds,
            List<UUID> participationIds) {
        return new CaseCommands.Plan(
                "近所の人と話せるようになりたい",
                participationText,
                outreachText,
                LocalDate.now(),
                LocalDate.now().plusMonths(6),
                LocalDate.now().plusMonths(3),
                List.of(new CaseCommands.Goal(
                        "孤立",
                        "週に一度は外に出る",
                        null,
                        List.of(new CaseCommands.Action(
                                "訪問",
                                directory
                                        .agencyByCode("HOKATSU-N")
                                        .orElseThrow()
                                        .id(),
                                null,
                                LocalDate.now().plusWeeks(2),
                                null)))),
                null,
                outreachIds,
                participationIds);
    }

    @Test
    void thePlanLinksTheHouseholdsRecordsAndKeepsTheEarlierTextAsHistory() throws Exception {
        MemberView m = household("計画");
        OutreachView record = outreachFor(m);
        as("caseworker");
        ProfileView profile = participation.startProfile(
                m.householdId(), m.person().id(), null, "畑仕事をしてみたい", List.of(Interest.OUTDOORS), null, null);
        CaseView kase = cases.open(new CaseCommands.OpenCase(
                m.householdId(),
                CaseOrigin.DIRECT,
                null,
                account("coordinator"),
                "孤立",
                List.of("ISOLATION"),
                Set.of(m.person().id()),
                ConsentStatus.NOT_ASKED,
                null,
                null));
        // a plan written before the links, with free text
        PlanView old = plans.saveDraft(kase.id(), null, plan("サロンに一緒に行く", "月2回の訪問", List.of(), List.of()));
        assertThat(old.hasNeedsHistory()).isTrue();

        // saved from the form: links, no text; the text stays as it was
        PlanView linked = plans.saveDraft(
                kase.id(), old.version(), plan(null, null, List.of(record.id()), List.of(profile.id())));
        assertThat(linked.outreachIds()).containsExactly(record.id());
        assertThat(linked.participationIds()).containsExactly(profile.id());
        assertThat(linked.participationNeeds()).isEqualTo("サロンに一緒に行く");
        assertThat(linked.outreachNeeds()).isEqualTo("月2回の訪問");

        // a record of another household is refused, nothing changes
        OutreachView elsewhere = outreachFor(household("別計画"));
        as("caseworker");
        int version = linked.version();
        assertThatThrownBy(
                        () -> plans.saveDraft(kase.id(), version, plan(null, null, List.of(elsewhere.id()), List.of())))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.messageKey()).isEqualTo("case.error.planLink");
                    assertThat(v.field()).isEqualTo("outreachIds");
                });
        assertThat(plans.draft(kase.id()).orElseThrow().outreachIds()).containsExactly(record.id());

        // the editor offers the household's records to choose, the old text read-only; the plan page links them
        mvc.perform(get("/cases/" + kase.id() + "/plan").with(user(users.loadUserByUsername("caseworker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"outreachIds\"")))
                .andExpect(content().string(containsString("value=\"" + record.id() + "\" checked")))
                .andExpect(content().string(containsString("name=\"participationIds\"")))
                .andExpect(content().string(containsString("id=\"plan-needs-history\"")))
                .andExpect(content().string(containsString("月2回の訪問")))
                .andExpect(content().string(not(containsString("name=\"outreachNeeds\""))));
        PlanView draft = plans.draft(kase.id()).orElseThrow();
        mvc.perform(post("/cases/" + kase.id() + "/plan")
                        .with(csrf())
                        .with(user(users.loadUserByUsername("caseworker")))
                        .param("draftVersion", String.valueOf(draft.version()))
                        .param("personId", m.person().id().toString())
                        .param("aim", "近所の人と話せるようになりたい")
                        .param("outreachNeeds", "書き換えようとした文")
                        .param("periodFrom", LocalDate.now().toString())
                        .param("periodTo", LocalDate.now().plusMonths(6).toString())
                        .param("reviewDate", LocalDate.now().plusMonths(3).toString())
                        .param("goals[0].issue", "孤立")
                        .param("goals[0].goal", "週に一度は外に出る")
                        .param("goals[0].actions[0].description", "訪問")
                        .param(
                                "goals[0].actions[0].agencyId",
                                directory
                                        .agencyByCode("HOKATSU-N")
                                        .orElseThrow()
                                        .id()
                                        .toString())
                        .param(
                                "goals[0].actions[0].dueDate",
                                LocalDate.now().plusWeeks(2).toString())
                        .param("participationIds", profile.id().toString()))
                .andExpect(status().is3xxRedirection());
        PlanView saved = plans.draft(kase.id()).orElseThrow();
        assertThat(saved.outreachIds()).isEmpty();
        assertThat(saved.participationIds()).containsExactly(profile.id());
        assertThat(saved.outreachNeeds())
                .as("the history is not written from the form")
                .isEqualTo("月2回の訪問");
        mvc.perform(get("/plans/" + saved.id()).with(user(users.loadUserByUsername("caseworker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/participation/" + profile.id())))
                .andExpect(content().string(containsString("id=\"plan-needs-history\"")));
    }
}
