package org.marugoto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marugoto.shared.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A second municipality in the same database (decision 0030): copies of the demo city's records under another
 * municipality, with their own ids, must not appear in this municipality's search, lists, exports, open data or API.
 * Each check first finds the original (so that it looks where the copy would show) and then does not find the copy.
 */
@MarugotoTest
class OtherMunicipalityTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tenancy tenancy;

    TenantClone other;
    UUID household;
    UUID person;
    String fullName;

    @BeforeEach
    void aSecondMunicipality() {
        other = new TenantClone(jdbc, tenancy.municipalityId(), "999018", "隣町");
        // a household of the caseworker's agency (HOKATSU-N) with a person the caseworker may find
        var row = jdbc.sql("""
                        select h.id household, p.id person, p.family_name || ' ' || p.given_name as full_name from household h
                        join household_member m on m.municipality_id = h.municipality_id and m.household_id = h.id
                        join person p on p.municipality_id = m.municipality_id and p.id = m.person_id
                        join agency a on a.municipality_id = h.municipality_id and a.id = h.owner_agency_id
                        where h.municipality_id = ? and a.code = 'HOKATSU-N' and m.member_to is null
                        order by h.case_number limit 1
                        """).param(tenancy.municipalityId()).query().singleRow();
        household = (UUID) row.get("household");
        person = (UUID) row.get("person");
        fullName = (String) row.get("full_name");
    }

    @AfterEach
    void removeIt() {
        other.remove();
    }

    @Test
    @WithUserDetails("caseworker")
    void personSearchFindsNothingOfTheOtherMunicipality() throws Exception {
        UUID copy = other.copy("person", person);
        other.copy("household", household);
        other.copyWhere("household_member", "person_id", person);
        other.copyWhere("household_agency", "household_id", household);
        String page = page("/people?q=" + fullName);
        assertThat(page).contains(person.toString());
        assertThat(page)
                .doesNotContain(copy.toString())
                .doesNotContain(other.copyOf(household).toString());
    }

    @Test
    @WithUserDetails("coordinator")
    void caseListAndReferralListShowNothingOfTheOtherMunicipality() throws Exception {
        UUID kase = jdbc.sql("select id from support_case where municipality_id = ? and status <> 'CLOSED'"
                        + " order by opened_at desc limit 1")
                .param(tenancy.municipalityId())
                .query(UUID.class)
                .single();
        UUID referral = jdbc.sql("select id from referral where municipality_id = ? limit 1")
                .param(tenancy.municipalityId())
                .query(UUID.class)
                .single();
        UUID caseCopy = other.copy("support_case", kase);
        UUID referralCopy = other.copy("referral", referral);
        assertThat(page("/cases?all=true")).contains(kase.toString()).doesNotContain(caseCopy.toString());
        assertThat(status("/cases/" + caseCopy)).isEqualTo(404);
        assertThat(status("/referrals/" + referralCopy)).isEqualTo(404);
    }

    @Test
    @WithUserDetails("coordinator")
    void statisticsAndOpenDataCountOnlyThisMunicipality() throws Exception {
        String report = page("/statistics/report.csv");
        String openData = page("/public/open-data/statistics/consultations-by-area.csv");
        UUID consultation = jdbc.sql("select id from consultation where municipality_id = ? limit 1")
                .param(tenancy.municipalityId())
                .query(UUID.class)
                .single();
        other.copy("consultation", consultation);
        other.copyWhere("consultation_issue", "consultation_id", consultation);
        other.copy(
                "support_case",
                jdbc.sql("select id from support_case where municipality_id = ? limit 1")
                        .param(tenancy.municipalityId())
                        .query(UUID.class)
                        .single());
        assertThat(page("/statistics/report.csv")).isEqualTo(report);
        assertThat(page("/public/open-data/statistics/consultations-by-area.csv"))
                .isEqualTo(openData);
    }

    @Test
    @WithUserDetails("caseworker")
    void theDirectoryApiListsOnlyThisMunicipalitysServices() throws Exception {
        UUID service = jdbc.sql("select id from support_service where municipality_id = ? limit 1")
                .param(tenancy.municipalityId())
                .query(UUID.class)
                .single();
        UUID copy = other.copy("support_service", service);
        String services = page("/api/v1/hsds/services");
        assertThat(services).doesNotContain(copy.toString());
        assertThat(status("/api/v1/hsds/services/" + service)).isEqualTo(200);
        assertThat(page("/api/v1/hsds/organizations"))
                .doesNotContain(other.copyOf(agencyOf(service)).toString());
        assertThat(status("/api/v1/hsds/services/" + copy)).isEqualTo(404);
    }

    private UUID agencyOf(UUID service) {
        return jdbc.sql("select agency_id from support_service where municipality_id = ? and id = ?")
                .params(tenancy.municipalityId(), service)
                .query(UUID.class)
                .single();
    }

    private String page(String path) throws Exception {
        var response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private int status(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getStatus();
    }
}
