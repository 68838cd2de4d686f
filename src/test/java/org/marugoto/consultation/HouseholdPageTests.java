package org.marugoto.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.consultation.domain.ConsultationCommand;
import org.marugoto.consultation.domain.ConsultationService;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Sex;
import org.marugoto.people.domain.PeopleService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The household page of a household with a long history: one audit row per view that names the consultations shown,
 * the newest 50 consultations with a link to the rest.
 */
@MarugotoTest
class HouseholdPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ConsultationService consultations;

    @Autowired
    PeopleService people;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    /** A household with 60 consultations: one recorded through the service, 59 copies of it a day apart. */
    UUID householdWithLongHistory() {
        PeopleFixtures.actAs(users, "caseworker");
        MemberView mother = people.register(
                person("履歴長", "花子", "りれきなが", "はなこ", Sex.FEMALE, LocalDate.of(1940, 2, 2), null, null), newHousehold());
        ConsultationView first = consultations.record(new ConsultationCommand(
                UUID.randomUUID(),
                mother.householdId(),
                null,
                Instant.now().minusSeconds(600),
                Channel.PHONE,
                ConsulterType.SELF,
                null,
                List.of(mother.person().id()),
                List.of("CARE", "INCOME"),
                null,
                Urgency.NORMAL,
                "買い物が大変",
                null,
                ConsentStatus.GIVEN,
                LocalDate.now().minusDays(1),
                null,
                FirstResponse.INFORMATION_GIVEN,
                null,
                null));
        for (int day = 1; day < 60; day++) {
            UUID copy = UUID.randomUUID();
            jdbc.sql("""
                            insert into consultation (municipality_id, id, household_id, agency_id, counter_id,
                                received_at, channel, consulter_type, consulter_relation, urgency, own_words, wishes,
                                consent_status, consent_date, consent_scope, first_response, referred_agency_id,
                                response_note, submission_token, created_at, created_by, updated_at, updated_by)
                            select municipality_id, ?, household_id, agency_id, counter_id,
                                received_at - make_interval(days => ?), channel, consulter_type, consulter_relation,
                                urgency, own_words, wishes, consent_status, consent_date, consent_scope, first_response,
                                referred_agency_id, response_note, gen_random_uuid(), created_at, created_by,
                                updated_at, updated_by
                            from consultation where id = ?
                            """).params(copy, day, first.id()).update();
            jdbc.sql("""
                            insert into consultation_issue (municipality_id, consultation_id, issue_code, main)
                            select municipality_id, ?, issue_code, main from consultation_issue where consultation_id = ?
                            """).params(copy, first.id()).update();
            jdbc.sql("""
                            insert into consultation_person (municipality_id, consultation_id, person_id)
                            select municipality_id, ?, person_id from consultation_person where consultation_id = ?
                            """).params(copy, first.id()).update();
        }
        return mother.householdId();
    }

    long auditCount(String username) {
        return jdbc.sql("select count(*) from audit_event where actor_username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    @Test
    void oneAuditRowPerViewNamingTheNewestFiftyConsultationsShown() throws Exception {
        UUID household = householdWithLongHistory();
        List<UUID> newest = jdbc.sql("""
                        select id from consultation where household_id = ? order by received_at desc
                        """).param(household).query(UUID.class).list();
        assertThat(newest).hasSize(60);

        long before = auditCount("caseworker");
        mvc.perform(get("/households/{id}", household).with(user(users.loadUserByUsername("caseworker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("consultations=all")))
                .andExpect(content().string(containsString("/consultations/" + newest.get(49))))
                .andExpect(content().string(not(containsString("/consultations/" + newest.get(50)))));
        assertThat(auditCount("caseworker") - before).isEqualTo(1);
        Map<String, Object> row = jdbc.sql("""
                        select * from audit_event where actor_username = 'caseworker'
                        order by occurred_at desc, id desc limit 1
                        """).query().singleRow();
        assertThat(row.get("action")).isEqualTo("READ");
        assertThat(row.get("record_type")).isEqualTo("household");
        assertThat(row.get("record_id")).isEqualTo(household);
        assertThat(row.get("purpose")).isEqualTo("household page");
        String details = (String) row.get("details");
        for (UUID shown : newest.subList(0, 50)) {
            assertThat(details).contains(shown.toString());
        }
        assertThat(details).doesNotContain(newest.get(50).toString());

        // the link to the rest: the whole history, still one row, naming all of it
        before = auditCount("caseworker");
        mvc.perform(get("/households/{id}", household)
                        .param("consultations", "all")
                        .with(user(users.loadUserByUsername("caseworker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/consultations/" + newest.get(59))))
                .andExpect(content().string(not(containsString("consultations=all"))));
        assertThat(auditCount("caseworker") - before).isEqualTo(1);
        String all = jdbc.sql("""
                        select details from audit_event where actor_username = 'caseworker'
                        order by occurred_at desc, id desc limit 1
                        """).query(String.class).single();
        for (UUID shown : newest) {
            assertThat(all).contains(shown.toString());
        }
    }

    @Test
    void aRefusedViewIsStillAuditedAsRefused() throws Exception {
        UUID household = householdWithLongHistory();
        long before = auditCount("caseworker2");
        mvc.perform(get("/households/{id}", household).with(user(users.loadUserByUsername("caseworker2"))))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where actor_username = 'caseworker2'
                          and action = 'ACCESS_DENIED' and record_id = ?
                        """).param(household).query(Long.class).single()).isEqualTo(1);
        assertThat(auditCount("caseworker2") - before).isEqualTo(1);
    }
}
