package org.marugoto.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.area.AreaApi;
import org.marugoto.consultation.Channel;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.ConsultationStatistics;
import org.marugoto.consultation.ConsulterType;
import org.marugoto.consultation.FirstResponse;
import org.marugoto.consultation.Urgency;
import org.marugoto.consultation.domain.ConsultationCommand;
import org.marugoto.consultation.domain.ConsultationService;
import org.marugoto.people.ApproximateBirth;
import org.marugoto.people.LivingSituation;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.PersonCommand;
import org.marugoto.people.Sex;
import org.marugoto.shared.CountScope;
import org.marugoto.shared.Japan;
import org.marugoto.statistics.domain.Period;
import org.marugoto.statistics.domain.Report;
import org.marugoto.statistics.domain.ScopeChoice;
import org.marugoto.statistics.domain.StatisticsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The age groups count a person with an approximate date of birth at its best estimate (a year and month on the 15th,
 * a year on 1 July, a year estimated from an age on 1 January), and the report says under the table how many of its
 * counts come from such a date. Persons registered and consultations recorded through the real services in the first
 * quarter of FY2009 (April–June 2009), which no other test and no demo record uses; each estimate is pinned on both
 * sides of an age-group boundary (18). The page shows the footnote under the table, the Excel file under the rows.
 */
@MarugotoTest
class AgeGroupEstimateTests {

    static final Locale JA = Locale.JAPANESE;
    static final Period QUARTER = Period.quarter(2009, 1);

    private static boolean recorded;

    @Autowired
    StatisticsService statistics;

    @Autowired
    ConsultationStatistics counts;

    @Autowired
    UserDetailsService users;

    @Autowired
    PeopleApi people;

    @Autowired
    ConsultationService consultations;

    @Autowired
    AreaApi areas;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void record() {
        synchronized (AgeGroupEstimateTests.class) {
            if (recorded) {
                return;
            }
            PeopleFixtures.actAs(users, "caseworker");
            // a year and month (June 1991 → 15 June 1991): 17 on 14 June 2009, 18 on 15 June 2009
            consult(person("年月", null, new ApproximateBirth(1991, 6, false)), 6, 14);
            consult(person("年月二", null, new ApproximateBirth(1991, 6, false)), 6, 15);
            // a year (1991 → 1 July 1991): still 17 on 30 June 2009
            consult(person("年", null, new ApproximateBirth(1991, 0, false)), 6, 30);
            // an age ("18歳くらい" in 2009 → 1991, taken as 1 January 1991): already 18 on 1 April 2009
            consult(person("年齢", null, new ApproximateBirth(1991, 0, true)), 4, 1);
            // an exact date and an approximate one in the same group: the count is not from an estimate alone
            MemberView exact = person("正確", LocalDate.of(1991, 5, 20), null);
            MemberView around = person(
                    "推定",
                    null,
                    new ApproximateBirth(1990, 0, true),
                    new org.marugoto.people.MembershipCommand(
                            exact.householdId(), null, org.marugoto.people.Relationship.SPOUSE, true, null));
            consult(exact, 6, 1, around.person().id());
            // no date of birth at all
            consult(person("不明", null, null), 5, 10);
            recorded = true;
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anApproximateDateOfBirthCountsAtItsBestEstimate() {
        CountScope city = CountScope.city();
        assertThat(counts.consultationsBy(ConsultationStatistics.By.AGE_GROUP, city, QUARTER.from(), QUARTER.to()))
                .containsOnly(Map.entry("0-17", 2L), Map.entry("18-39", 3L), Map.entry("UNKNOWN", 1L));
        assertThat(counts.consultationsBy(
                        ConsultationStatistics.By.AGE_GROUP_ESTIMATED, city, QUARTER.from(), QUARTER.to()))
                .containsOnly(Map.entry("0-17", 2L), Map.entry("18-39", 2L));
        // a single day: the 15 June consultation alone
        LocalDate june15 = LocalDate.of(2009, 6, 15);
        assertThat(counts.consultationsBy(ConsultationStatistics.By.AGE_GROUP, city, june15, june15))
                .containsOnly(Map.entry("18-39", 1L));
    }

    @Test
    void theReportSaysUnderTheTableHowManyCountsComeFromAnEstimateAndHidesAFewByArea() {
        PeopleFixtures.actAs(users, "coordinator");
        var coordinator = org.marugoto.shared.CurrentActor.get().orElseThrow();
        ScopeChoice city = statistics.scope(coordinator, "city", JA);
        Report ja = statistics.report("consultations-age", QUARTER, city, JA).orElseThrow();
        assertThat(StatisticsServiceTests.firstColumn(ja))
                .containsExactly(Map.entry("18歳未満", "2"), Map.entry("18〜39歳", "3"), Map.entry("生年月日の記録なし", "1"));
        assertThat(ja.footnote()).startsWith("このうち4件は、推定の生年月日").contains("15日", "7月1日", "1月1日");
        Report en = statistics
                .report(
                        "consultations-age",
                        QUARTER,
                        statistics.scope(coordinator, "city", Locale.ENGLISH),
                        Locale.ENGLISH)
                .orElseThrow();
        assertThat(en.footnote()).startsWith("Of these, 4 were counted from an approximate date of birth");
        // by area small counts are hidden, the footnote's too
        String s1 = "area:" + areas.findByCode("S1").orElseThrow().id();
        Report area = statistics
                .report("consultations-age", QUARTER, statistics.scope(coordinator, s1, JA), JA)
                .orElseThrow();
        assertThat(area.footnote()).startsWith("このうち5件未満は").doesNotContain("4件");
        // a period without estimates has no footnote
        assertThat(statistics
                        .report("consultations-age", Period.quarter(2009, 2), city, JA)
                        .orElseThrow()
                        .footnote())
                .isEmpty();
    }

    @Test
    void thePageShowsTheFootnoteUnderTheAgeTableAndTheExcelFileHasItUnderTheRows() throws Exception {
        String page = mvc.perform(get("/statistics")
                        .param("period", QUARTER.code())
                        .param("scope", "city")
                        .with(user(users.loadUserByUsername("coordinator"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        int table = page.indexOf("id=\"table-consultations-age\"");
        int footnote = page.indexOf("id=\"footnote-consultations-age\"");
        assertThat(table).isPositive();
        assertThat(footnote).isGreaterThan(table);
        assertThat(page.substring(footnote)).contains("このうち4件は、推定の生年月日");
        // no person: none of the names
        assertThat(page).doesNotContain("年齢層 年月");
        byte[] xlsx = mvc.perform(get("/statistics/report.xlsx")
                        .param("report", "consultations-age")
                        .param("period", QUARTER.code())
                        .with(user(users.loadUserByUsername("coordinator"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            // the header, three rows, an empty row, the footnote
            assertThat(sheet.getRow(HEADER_ROW + 5).getCell(0).getStringCellValue())
                    .startsWith("このうち4件は");
        }
    }

    /** {@code Downloads.HEADER_ROW} (package-private in the web package): the row of the column headings. */
    static final int HEADER_ROW = 3;

    MemberView person(String given, @Nullable LocalDate birth, @Nullable ApproximateBirth approximate) {
        return person(given, birth, approximate, PeopleFixtures.newHousehold());
    }

    MemberView person(
            String given,
            @Nullable LocalDate birth,
            @Nullable ApproximateBirth approximate,
            org.marugoto.people.MembershipCommand membership) {
        return people.register(
                new PersonCommand(
                        "年齢層",
                        given,
                        "ねんれいそう",
                        null,
                        null,
                        Sex.MALE,
                        birth,
                        "美月野市南台3-4-" + given.length(),
                        areas.findByCode("S1-1").orElseThrow().id(),
                        LivingSituation.ALONE,
                        null,
                        null,
                        null,
                        null,
                        null,
                        approximate),
                membership);
    }

    void consult(MemberView self, int month, int day, UUID... others) {
        List<UUID> persons = new java.util.ArrayList<>(List.of(self.person().id()));
        persons.addAll(List.of(others));
        consultations.record(new ConsultationCommand(
                UUID.randomUUID(),
                self.householdId(),
                null,
                LocalDateTime.of(2009, month, day, 11, 0).atZone(Japan.ZONE).toInstant(),
                Channel.VISIT,
                ConsulterType.SELF,
                null,
                persons,
                List.of("CARE"),
                null,
                Urgency.NORMAL,
                "年齢層の集計のための相談",
                null,
                ConsentStatus.GIVEN,
                LocalDate.of(2009, month, day),
                null,
                FirstResponse.ANSWERED_AT_COUNTER,
                null,
                null));
    }
}
