package org.marugoto.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.marugoto.MarugotoApplication;
import org.marugoto.access.domain.StaffCommand;
import org.marugoto.access.domain.StaffPrincipal;
import org.marugoto.access.domain.StaffService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application as {@link LoadBenchmark} runs it, in a JVM of its own: Marugoto itself, and then, once it has
 * started, one staff account per simulated staff member ({@code bench.accounts}, default 200), so that every
 * simulated session belongs to a person of its own (the application allows 5 sessions per account). Each account is a
 * copy of one of the demo staff in {@link #BASES}, in turn: the same agency, roles and demo password, and a member of
 * the same case teams. When they exist
 * it writes the file {@code bench.ready}. Not a test; test sources only, never shipped.
 */
public final class LoadBenchmarkApp {

    /** The demo staff the simulated staff are copied from (the caseworkers, a supervisor, a coordinator). */
    static final List<String> BASES = List.of(
            "caseworker",
            "caseworker2",
            "caseworker3",
            "caseworker4",
            "caseworker5",
            "caseworker6",
            "supervisor",
            "coordinator");

    private LoadBenchmarkApp() {}

    static String username(int i) {
        return "bench-" + BASES.get(i % BASES.size()) + "-" + i;
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = SpringApplication.run(MarugotoApplication.class, args);
        int accounts = Integer.getInteger("bench.accounts", 200);
        String password = context.getEnvironment().getProperty("marugoto.demo.password", "marugoto-demo");
        StaffService staff = context.getBean(StaffService.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        for (int i = 0; i < accounts; i++) {
            String username = username(i);
            if (staff.exists(username)) {
                continue;
            }
            StaffPrincipal base = staff.loadUserByUsername(BASES.get(i % BASES.size()));
            staff.ensure(
                    username,
                    password,
                    new StaffCommand(
                            base.displayName() + " " + i,
                            null,
                            username + "@bench.example",
                            base.agencyId(),
                            base.roles(),
                            true));
            // on the teams of the cases its demo original works on, so that its case list is not empty
            jdbc.sql("""
                            insert into case_team_member (municipality_id, id, case_id, account_id, member_name,
                                agency_id, role, joined_at, joined_by, version)
                            select t.municipality_id, gen_random_uuid(), t.case_id, a.id, a.display_name, t.agency_id,
                                'MEMBER', now(), 'bench', 0
                            from case_team_member t, staff_account a
                            where t.account_id = :base and t.left_at is null and a.username = :username
                            """)
                    .param("base", base.accountId())
                    .param("username", username)
                    .update();
        }
        Files.writeString(Path.of(System.getProperty("bench.ready", "bench/target/load/ready")), "ready\n");
    }
}
