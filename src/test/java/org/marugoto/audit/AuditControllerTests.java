package org.marugoto.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Japan;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@MarugotoTest
class AuditControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditApi audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    /** Records an event by {@code username} from the local machine, marked so that the test can find its row. */
    private String recordAs(String username, String recordType, UUID recordId, String purpose) {
        String marker = "m" + UUID.randomUUID().toString().substring(24);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("0:0:0:0:0:0:0:1");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            audit.recordFor(
                    username,
                    null,
                    new AuditEntry(AuditAction.READ, recordType, recordId, purpose, Map.of("marker", marker)));
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
        return marker;
    }

    private String staffName(String username) {
        return jdbc.sql("select display_name from staff_account where username = ?")
                .param(username)
                .query(String.class)
                .single();
    }

    @Test
    @WithUserDetails("auditor")
    void eventsAreReadableStaffNamesRecordTypesPurposesAndAddresses() throws Exception {
        String marker = recordAs("caseworker2", "case_conference", Ids.newId(), "confidentiality pledge");
        String free = recordAs("caseworker2", "case_conference", Ids.newId(), "家族の急な入院のため");
        mvc.perform(get("/audit").param("actor", "caseworker2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(marker)))
                .andExpect(content().string(containsString(free)))
                .andExpect(content().string(containsString(staffName("caseworker2"))))
                .andExpect(content().string(containsString("支援会議")))
                .andExpect(content().string(containsString("守秘の誓約")))
                .andExpect(content().string(containsString("家族の急な入院のため")))
                .andExpect(content().string(containsString("このコンピューター（localhost）")))
                .andExpect(content().string(not(containsString("case_conference"))))
                .andExpect(content().string(not(containsString("confidentiality pledge"))))
                .andExpect(content().string(not(containsString("0:0:0:0:0:0:0:1"))))
                .andExpect(content().string(not(containsString(">caseworker2<"))));
    }

    @Test
    @WithUserDetails("auditor")
    void detailsNameAccountsInsteadOfIds() throws Exception {
        UUID account = jdbc.sql("select id from staff_account where username = 'caseworker2'")
                .query(UUID.class)
                .single();
        String marker = "m" + UUID.randomUUID().toString().substring(24);
        audit.recordFor(
                "coordinator",
                null,
                new AuditEntry(
                        AuditAction.PERMISSION_CHANGE,
                        "support_case",
                        Ids.newId(),
                        "case team",
                        Map.of("added", account.toString(), "marker", marker)));
        mvc.perform(get("/audit").param("actor", "coordinator"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("added=" + staffName("caseworker2"))))
                .andExpect(content().string(not(containsString(account.toString()))));
    }

    @Test
    @WithUserDetails("auditor")
    void inEnglishTheSameEventsReadInEnglish() throws Exception {
        String marker = recordAs("caseworker2", "support_case", Ids.newId(), "case conference");
        mvc.perform(get("/audit").param("actor", "caseworker2").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(marker)))
                .andExpect(content().string(containsString("Support case")))
                .andExpect(content().string(containsString("Case conference")))
                .andExpect(content().string(containsString("this computer (localhost)")));
    }

    @Test
    @WithUserDetails("auditor")
    void theAuditorFindsWhoSawAPersonByNameOrReadingAndByHouseholdNumber() throws Exception {
        var person = jdbc.sql("""
                        select p.id, p.family_name, p.given_name, p.family_name_kana, h.id as household, h.case_number
                        from person p join household_member m on m.person_id = p.id join household h on h.id = m.household_id
                        where p.given_name is not null and not p.protected
                        order by p.family_name limit 1
                        """)
                .query((rs, i) -> Map.of(
                        "id", rs.getString("id"),
                        "family", rs.getString("family_name"),
                        "kana", rs.getString("family_name_kana"),
                        "household", rs.getString("household"),
                        "number", rs.getString("case_number")))
                .single();
        String aboutPerson = recordAs("caseworker", "person", UUID.fromString(person.get("id")), "household page");
        String aboutHousehold =
                recordAs("caseworker", "household", UUID.fromString(person.get("household")), "household page");
        String unrelated = recordAs("caseworker", "person", Ids.newId(), "household page");

        mvc.perform(get("/audit").param("person", person.get("family")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(aboutPerson)))
                .andExpect(content().string(containsString(aboutHousehold)))
                .andExpect(content().string(containsString("世帯のページ")))
                .andExpect(content().string(not(containsString(unrelated))));
        mvc.perform(get("/audit").param("person", person.get("kana")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(aboutPerson)));
        mvc.perform(get("/audit").param("household", person.get("number")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(aboutHousehold)))
                .andExpect(content().string(not(containsString(unrelated))));

        // the searches themselves are audited as investigations
        mvc.perform(get("/audit").param("actor", "auditor"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("household=" + person.get("number"))))
                .andExpect(content().string(containsString("監査の調査")));
    }

    @Test
    @WithUserDetails("auditor2")
    void theAuditorSearchesByStaffNameAndDates() throws Exception {
        String marker = recordAs("caseworker2", "referral", Ids.newId(), "follow-up");
        LocalDate today = Japan.today(clock);
        mvc.perform(get("/audit")
                        .param("actor", staffName("caseworker2"))
                        .param("from", today.toString())
                        .param("to", today.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(marker)))
                .andExpect(content().string(containsString("つなぎ後の確認")));
        mvc.perform(get("/audit")
                        .param("actor", "caseworker2")
                        .param("from", today.plusDays(1).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(marker))));
    }

    @Test
    @WithUserDetails("admin")
    void systemAdministratorsCannotLookPeopleUp() throws Exception {
        mvc.perform(get("/audit"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"person\""))));
    }

    @Test
    @WithUserDetails("auditor")
    void theAuditorVerifiesTheChain() throws Exception {
        mvc.perform(get("/audit/verify"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("改ざんは見つかりませんでした")));
    }

    @Test
    @WithUserDetails("auditor2")
    void theAuditorSeesWhatAnAccountDid() throws Exception {
        mvc.perform(get("/audit").param("actor", "caseworker"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("このアカウントの操作")));
    }

    @Test
    @WithUserDetails("auditor")
    void aMalformedRecordIdIsExplained() throws Exception {
        mvc.perform(get("/audit").param("record", "not-an-id"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("記録IDの形式が正しくありません")));
    }

    @Test
    @WithUserDetails("planner")
    void plannersCannotReadTheAuditTrail() throws Exception {
        mvc.perform(get("/audit/verify")).andExpect(status().isForbidden());
    }
}
