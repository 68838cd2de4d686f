package org.marugoto.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.area.AreaApi;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.directory.domain.AgencyCommand;
import org.marugoto.directory.domain.CounterCommand;
import org.marugoto.directory.domain.DirectoryHit;
import org.marugoto.directory.domain.DirectoryQuery;
import org.marugoto.directory.domain.DirectoryService;
import org.marugoto.directory.domain.ServiceCommand;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

@MarugotoTest
class DirectoryServiceTests {

    @Autowired
    DirectoryService directory;

    @Autowired
    AreaApi areas;

    @Autowired
    AuditApi audit;

    private AgencyView newAgency(String code, boolean acceptsReferrals) {
        return directory.createAgency(new AgencyCommand(
                code,
                "テスト機関 " + code,
                "てすときかん",
                AgencyKind.OTHER,
                null,
                null,
                "0470-99-0000",
                null,
                null,
                acceptsReferrals,
                true));
    }

    private static ServiceCommand command(String code, List<String> issues, List<UUID> counters) {
        return command(code, issues, null, null, List.of(), counters, true, true);
    }

    private static ServiceCommand command(
            String code,
            List<String> issues,
            @Nullable Integer minAge,
            @Nullable Integer maxAge,
            List<UUID> areaIds,
            List<UUID> counters,
            boolean acceptsReferrals,
            boolean active) {
        return new ServiceCommand(
                code,
                "テストの相談 " + code,
                "てすとのそうだん",
                "テスト用のサービスです。",
                issues,
                minAge,
                maxAge,
                areaIds,
                List.of(ServiceLanguage.JAPANESE, ServiceLanguage.EASY_JAPANESE),
                "火・木 10:00〜16:00",
                "無料",
                "車いす対応",
                "0470-99-0001",
                "soudan@example.jp",
                counters,
                acceptsReferrals,
                active);
    }

    private UUID area(String code) {
        return areas.findByCode(code).orElseThrow().id();
    }

    private static List<String> agencyCodes(List<DirectoryHit> hits) {
        return hits.stream().map(h -> h.agency().code()).toList();
    }

    @Test
    @WithUserDetails("admin")
    void createsAServiceAtTheAgencysCounterAndAuditsIt() {
        AgencyView agency = newAgency("T-SVC-CREATE", true);
        CounterView counter = directory.createCounter(
                agency.id(), new CounterCommand("C1", "テスト窓口", null, null, null, null, null, null, true));

        ServiceView created = directory.createService(
                agency.id(),
                command(
                        "S1",
                        List.of("DEBT", "INCOME"),
                        20,
                        64,
                        List.of(area("N")),
                        List.of(counter.id()),
                        true,
                        true));

        assertThat(directory.services(agency.id())).containsExactly(created);
        assertThat(created.issueCodes()).containsExactly("INCOME", "DEBT"); // in the order of the issue code list
        assertThat(created.areaIds()).containsExactly(area("N"));
        assertThat(created.counterIds()).containsExactly(counter.id());
        assertThat(created.languages()).containsExactly(ServiceLanguage.JAPANESE, ServiceLanguage.EASY_JAPANESE);
        assertThat(created.minAge()).isEqualTo(20);
        assertThat(created.maxAge()).isEqualTo(64);
        assertThat(audit.recent(created.id(), 10)).extracting(e -> e.action()).containsExactly(AuditAction.CREATE);
    }

    @Test
    @WithUserDetails("admin")
    void refusesWhatTheServiceCannotCheckInTheForm() {
        AgencyView agency = newAgency("T-SVC-RULES", true);
        UUID otherAgencysCounter = directory
                .counters(directory.agencyByCode("JIRITSU").orElseThrow().id())
                .getFirst()
                .id();
        directory.createService(agency.id(), command("TAKEN", List.of("CARE"), List.of()));

        assertThatThrownBy(() -> directory.createService(
                        agency.id(), command("S-AGES", List.of("CARE"), 70, 60, List.of(), List.of(), true, true)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.field()).isEqualTo("maxAge");
                    assertThat(v.messageKey()).isEqualTo("directory.error.ageRange");
                });
        assertThatThrownBy(() ->
                        directory.createService(agency.id(), command("S-ISSUE", List.of("NO_SUCH_ISSUE"), List.of())))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("issueCodes"));
        assertThatThrownBy(() -> directory.createService(
                        agency.id(), command("S-COUNTER", List.of("CARE"), List.of(otherAgencysCounter))))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("counterIds"));
        assertThatThrownBy(() -> directory.createService(agency.id(), command("TAKEN", List.of("CARE"), List.of())))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("directory.error.codeTaken"));
        assertThat(directory.services(agency.id()))
                .extracting(ServiceView::code)
                .containsExactly("TAKEN");
    }

    @Test
    @WithUserDetails("admin")
    void refusesAStaleEditAndKeepsTheNewerData() {
        AgencyView agency = newAgency("T-SVC-STALE", true);
        ServiceView service = directory.createService(agency.id(), command("S1", List.of("CARE"), List.of()));

        ServiceView first = directory.updateService(
                service.id(), service.version(), command("S1", List.of("CARE", "FAMILY"), List.of()));
        assertThatThrownBy(() -> directory.updateService(
                        service.id(), service.version(), command("S1", List.of("HOUSING"), List.of())))
                .isInstanceOf(OptimisticLockingFailureException.class);

        assertThat(directory.service(service.id()).orElseThrow().issueCodes()).containsExactly("FAMILY", "CARE");
        assertThat(first.version()).isGreaterThan(service.version());
        assertThat(audit.recent(service.id(), 10))
                .extracting(e -> e.action())
                .containsExactly(AuditAction.UPDATE, AuditAction.CREATE);
    }

    @Test
    @WithUserDetails("caseworker")
    void onlyAdministratorsChangeServices() {
        UUID agencyId = directory.agencyByCode("JIRITSU").orElseThrow().id();
        assertThatThrownBy(() -> directory.createService(agencyId, command("T-DENIED", List.of("DEBT"), List.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(directory.services(agencyId)).extracting(ServiceView::code).doesNotContain("T-DENIED");
    }

    @Test
    @WithUserDetails("caseworker")
    void findsTheServicesThatHandleAnIssue() {
        List<DirectoryHit> hits = directory.search(new DirectoryQuery(null, null, "DEBT", null, null));

        assertThat(agencyCodes(hits)).contains("JIRITSU", "SHAKYO", "HUB").doesNotContain("HOKATSU-N", "KODOMO");
        DirectoryHit jiritsu = hits.stream()
                .filter(h -> h.agency().code().equals("JIRITSU"))
                .findFirst()
                .orElseThrow();
        assertThat(jiritsu.services()).extracting(ServiceView::name).containsExactly("自立相談支援", "家計改善支援");
    }

    @Test
    @WithUserDetails("caseworker")
    void anAreaMatchesServicesForItOrAnAreaAboveItOrTheWholeCity() {
        // 桜台地区社協 lies in 桜台小学校区, 美月野北中学校区 and 北部圏域
        List<String> found =
                agencyCodes(directory.search(new DirectoryQuery(null, null, "CARE", area("N1-2-K"), null)));

        assertThat(found)
                .contains("HOKATSU-N") // serves 北部圏域
                .contains("CHIKU-SAKURADAI") // serves 桜台地区 itself
                .contains("HUB", "KODOMO") // serve the whole city
                .doesNotContain("HOKATSU-S", "HOKATSU-C");
        // an area above the one a service is for is not served by it
        assertThat(agencyCodes(directory.search(new DirectoryQuery(null, null, "CARE", area("N"), null))))
                .contains("HOKATSU-N")
                .doesNotContain("CHIKU-SAKURADAI");
    }

    @Test
    @WithUserDetails("caseworker")
    void anAgeMatchesServicesWhoseRangeIncludesIt() {
        List<String> forty = agencyCodes(directory.search(new DirectoryQuery(null, null, "CARE", null, 40)));
        List<String> seventy = agencyCodes(directory.search(new DirectoryQuery(null, null, "CARE", null, 70)));
        List<String> teen = agencyCodes(directory.search(new DirectoryQuery(null, null, "CARE", null, 15)));

        assertThat(forty).contains("HUB", "KOSODATE-HIROBA").doesNotContain("HOKATSU-N", "KODOMO");
        assertThat(seventy).contains("HOKATSU-N", "HOKATSU-W", "HUB").doesNotContain("KODOMO");
        assertThat(teen).contains("KODOMO").doesNotContain("HOKATSU-N");
    }

    @Test
    @WithUserDetails("caseworker")
    void aKeywordMatchesInHiraganaKatakanaHalfWidthAndLooseLongVowels() {
        for (String typed : List.of("フードバンク", "ふーどばんく", "ﾌｰﾄﾞﾊﾞﾝｸ", "ふうどばんく", "ＦＯＯＤ")) {
            List<DirectoryHit> hits = directory.search(new DirectoryQuery(typed, null, null, null, null));
            if (typed.equals("ＦＯＯＤ")) {
                // the English names of the issues are searched too ("No food")
                assertThat(agencyCodes(hits)).as(typed).contains("JIRITSU", "WELFARE-OFFICE");
                continue;
            }
            assertThat(hits).as(typed).hasSize(1);
            assertThat(hits.getFirst().agency().code()).isEqualTo("JIRITSU");
            assertThat(hits.getFirst().services())
                    .extracting(ServiceView::code)
                    .as(typed)
                    .containsExactly("FOOD-BANK");
        }
    }

    @Test
    @WithUserDetails("caseworker")
    void everyWordMustMatchSomewhereInTheServiceOrItsAgency() {
        List<DirectoryHit> hits = directory.search(new DirectoryQuery("北部 成年後見", null, null, null, null));

        assertThat(agencyCodes(hits)).containsExactly("HOKATSU-N");
        assertThat(hits.getFirst().services()).extracting(ServiceView::code).containsExactly("KENRI");
        // an issue name finds the services handling it
        assertThat(agencyCodes(directory.search(new DirectoryQuery("債務", null, null, null, null))))
                .contains("JIRITSU", "SHAKYO");
    }

    @Test
    @WithUserDetails("admin")
    void agenciesHandlingAnIssueAreThoseThatTakeReferralsForIt() {
        AgencyView closed = newAgency("T-HANDLING-CLOSED", false);
        directory.createService(closed.id(), command("S1", List.of("REHABILITATION"), List.of()));
        AgencyView open = newAgency("T-HANDLING-OPEN", true);
        directory.createService(
                open.id(),
                command("S1", List.of("REHABILITATION"), null, null, List.of(area("E")), List.of(), true, true));
        AgencyView noReferrals = newAgency("T-HANDLING-NOREF", true);
        directory.createService(
                noReferrals.id(),
                command("S1", List.of("REHABILITATION"), null, null, List.of(), List.of(), false, true));
        AgencyView inactive = newAgency("T-HANDLING-INACTIVE", true);
        directory.createService(
                inactive.id(), command("S1", List.of("REHABILITATION"), null, null, List.of(), List.of(), true, false));

        assertThat(directory.agenciesHandling("REHABILITATION", area("E1-2-K")))
                .extracting(AgencyView::code)
                .contains("T-HANDLING-OPEN", "JIRITSU", "DISABILITY-AOBA")
                .doesNotContain("T-HANDLING-CLOSED", "T-HANDLING-NOREF", "T-HANDLING-INACTIVE", "HOKATSU-E");
        assertThat(directory.agenciesHandling("REHABILITATION", area("W")))
                .extracting(AgencyView::code)
                .contains("JIRITSU")
                .doesNotContain("T-HANDLING-OPEN", "DISABILITY-AOBA");
        assertThat(directory.agenciesHandling("REHABILITATION", null))
                .extracting(AgencyView::code)
                .contains("T-HANDLING-OPEN", "JIRITSU", "DISABILITY-AOBA");
    }

    @Test
    void everyDemoAgencyThatServesResidentsOffersServices() {
        assertThat(directory.agencies())
                .filteredOn(
                        a -> a.kind() != AgencyKind.ADMINISTRATION && !a.code().startsWith("T-"))
                .filteredOn(a -> !a.code().startsWith("MVC-"))
                .allSatisfy(
                        a -> assertThat(directory.services(a.id())).as(a.code()).isNotEmpty());
    }
}
