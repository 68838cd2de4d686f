package org.marugoto.people.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.marugoto.area.AreaApi;
import org.marugoto.people.ProtectionCommand;
import org.marugoto.people.ProtectionKind;
import org.marugoto.people.domain.ProtectionService;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Japan;
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
 * Protects the demo household of a mother and son who fled DV (野々村家, registered with its consultation by the
 * consultation module's demo data, which runs before): 支援措置 requested through the spousal violence support
 * centre, recorded by the child and family centre's caseworker, naming the son. Runs once, before the demo referrals,
 * so that masking shows everywhere in the demo.
 */
@Component
@Order(45)
@ConditionalOnBooleanProperty("marugoto.demo.enabled")
class ProtectionDemoData implements ApplicationRunner {

    private final ProtectionService protection;
    private final AreaApi areas;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;

    ProtectionDemoData(
            ProtectionService protection,
            AreaApi areas,
            UserDetailsService users,
            JdbcClient jdbc,
            Tenancy tenancy,
            Clock clock) {
        this.protection = protection;
        this.areas = areas;
        this.users = users;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<UUID> mother = person("彩花");
        List<UUID> son = person("湊");
        if (mother.isEmpty() || son.isEmpty() || protection.isProtected(mother.getFirst())) {
            return;
        }
        // the address lies in 若葉二丁目 (a neighbourhood association below the 中央圏域)
        areas.findByCode("C2-2-J2")
                .ifPresent(area -> jdbc.sql("update person set area_id = ? where municipality_id = ? and id in (?, ?)")
                        .params(area.id(), tenancy.municipalityId(), mother.getFirst(), son.getFirst())
                        .update());
        try {
            CurrentActor.actAs(users.loadUserByUsername("caseworker3"));
            LocalDate today = Japan.today(clock);
            protection.protect(
                    mother.getFirst(),
                    new ProtectionCommand(
                            ProtectionKind.DV,
                            today.minusDays(30),
                            today.minusDays(30).plusYears(1),
                            "美月野市配偶者暴力相談支援センター",
                            "加害者（夫）は県外在住。本人の転居先を探している。",
                            List.of(son.getFirst())));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private List<UUID> person(String givenName) {
        return jdbc.sql("select id from person where municipality_id = ? and family_name = '野々村' and given_name = ?")
                .params(tenancy.municipalityId(), givenName)
                .query(UUID.class)
                .list();
    }
}
