package org.marugoto.statistics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.marugoto.area.AreaApi;
import org.marugoto.consultation.Channel;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.ConsulterType;
import org.marugoto.consultation.FirstResponse;
import org.marugoto.consultation.Urgency;
import org.marugoto.consultation.domain.ConsultationCommand;
import org.marugoto.consultation.domain.ConsultationService;
import org.marugoto.people.LivingSituation;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.PersonCommand;
import org.marugoto.people.Sex;
import org.marugoto.shared.Japan;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Consultations recorded through the real services in June 2010 (FY2010, 平成22年度), a month the demo city has no
 * records in, so that the counts of that period are exactly these: in 南台小学校区 (S1-1, under 南台中学校区 S1), six
 * households; the first with two consultations (介護 and 健康 by visit, 家計 by phone), the other five with one each
 * (介護 by visit). So: 7 consultations; 介護 6, 健康 1, 家計 1 (INCOME); visit 6, phone 1; 6 households, 1 with several
 * issues. Recorded once per test run (the database is shared by every test class).
 */
final class StatisticsFixtures {

    static final String PERIOD = "M2010-06";
    static final LocalDate FROM = LocalDate.of(2010, 6, 1);
    static final LocalDate TO = LocalDate.of(2010, 6, 30);

    private static boolean recorded;

    private StatisticsFixtures() {}

    static synchronized void record(
            UserDetailsService users, PeopleApi people, ConsultationService consultations, AreaApi areas) {
        if (recorded) {
            return;
        }
        PeopleFixtures.actAs(users, "caseworker");
        UUID area = areas.findByCode("S1-1").orElseThrow().id();
        for (int i = 0; i < 6; i++) {
            MemberView self = people.register(
                    new PersonCommand(
                            "統計",
                            "花子" + i,
                            "とうけい",
                            "はなこ",
                            null,
                            Sex.FEMALE,
                            LocalDate.of(1950, 1, 1 + i),
                            "美月野市南台1-2-" + (i + 1),
                            area,
                            LivingSituation.WITH_FAMILY,
                            null,
                            null,
                            null,
                            null,
                            null),
                    PeopleFixtures.newHousehold());
            if (i == 0) {
                consult(consultations, self, 10, Channel.VISIT, List.of("CARE", "HEALTH"));
                consult(consultations, self, 20, Channel.PHONE, List.of("INCOME"));
            } else {
                consult(consultations, self, 5 + i, Channel.VISIT, List.of("CARE"));
            }
        }
        recorded = true;
    }

    private static void consult(
            ConsultationService consultations, MemberView self, int day, Channel channel, List<String> issues) {
        consultations.record(new ConsultationCommand(
                UUID.randomUUID(),
                self.householdId(),
                null,
                LocalDateTime.of(2010, 6, day, 10, 0).atZone(Japan.ZONE).toInstant(),
                channel,
                ConsulterType.SELF,
                null,
                List.of(self.person().id()),
                issues,
                null,
                Urgency.NORMAL,
                "統計のための相談",
                null,
                ConsentStatus.GIVEN,
                LocalDate.of(2010, 6, day),
                null,
                FirstResponse.ANSWERED_AT_COUNTER,
                null,
                null));
    }
}
