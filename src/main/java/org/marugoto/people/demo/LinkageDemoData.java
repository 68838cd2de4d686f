package org.marugoto.people.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.marugoto.people.ApproximateBirth;
import org.marugoto.people.LivingSituation;
import org.marugoto.people.MembershipCommand;
import org.marugoto.people.PersonCommand;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.people.domain.PeopleService;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Tenancy;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Record linkage in the demo city (decisions 0029, 0038). The 8050 story's son (佐々木 健一, recorded by the
 * 地域包括支援センター with his mother) also went to the 自立相談支援機関 on his own, years ago: his record there is in
 * katakana only, with a full-width phone number, and the 地域包括 cannot see it. Searching him shows "may exist at
 * 自立相談支援機関" and the coordinator's queue holds the pair. And a woman whose reading the intake did not record
 * (読み未登録), known by an approximate age only. Runs once, after the households; recorded through the service.
 */
@Component
@Order(46)
@ConditionalOnBooleanProperty("marugoto.demo.enabled")
class LinkageDemoData implements ApplicationRunner {

    private final PeopleService people;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    LinkageDemoData(PeopleService people, UserDetailsService users, JdbcClient jdbc, Tenancy tenancy) {
        this.people = people;
        this.users = users;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (count("佐々木", "健一") == 0 || count("ササキ", "ケンイチ") > 0) {
            return;
        }
        MembershipCommand alone = new MembershipCommand(null, null, Relationship.SELF, true, null);
        try {
            CurrentActor.actAs(users.loadUserByUsername("caseworker2"));
            people.register(
                    new PersonCommand(
                            "ササキ",
                            "ケンイチ",
                            "ササキ",
                            "ケンイチ",
                            null,
                            Sex.MALE,
                            LocalDate.of(1974, 7, 30),
                            "美月野市桜台3-8-2",
                            null,
                            LivingSituation.WITH_FAMILY,
                            "０９０（１２３４）５６７８",
                            null,
                            null,
                            null,
                            null),
                    new MembershipCommand(null, "ササキ（本人のみ）", Relationship.SELF, true, null));
            CurrentActor.actAs(users.loadUserByUsername("caseworker"));
            people.register(
                    new PersonCommand(
                            "大森",
                            "ハル",
                            "",
                            null,
                            null,
                            Sex.FEMALE,
                            null,
                            "美月野市桜台一丁目4番10号",
                            null,
                            LivingSituation.ALONE,
                            null,
                            null,
                            null,
                            null,
                            "民生委員からの連絡で把握。名字の読みは未確認（次の訪問で本人に確かめる）。",
                            new ApproximateBirth(
                                    LocalDate.now(org.marugoto.shared.Japan.ZONE)
                                                    .getYear()
                                            - 85,
                                    0,
                                    true)),
                    alone);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private long count(String family, String given) {
        List<UUID> ids = jdbc.sql(
                        "select id from person where municipality_id = ? and family_name = ? and given_name = ?")
                .params(tenancy.municipalityId(), family, given)
                .query(UUID.class)
                .list();
        return ids.size();
    }
}
