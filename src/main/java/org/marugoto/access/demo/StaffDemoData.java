package org.marugoto.access.demo;

import static org.marugoto.access.Role.*;

import java.util.Set;
import org.marugoto.access.Role;
import org.marugoto.access.domain.MfaService;
import org.marugoto.access.domain.StaffCommand;
import org.marugoto.access.domain.StaffService;
import org.marugoto.directory.DirectoryApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo staff: at least two accounts for every role, spread over the demo agencies, all with the demo password
 * ({@code marugoto.demo.password}, listed in the README). Administrators and privacy officers are enrolled with the
 * demo TOTP secret ({@code marugoto.demo.totp-secret}, also in the README). Idempotent: existing usernames are left
 * alone.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("marugoto.demo.enabled")
class StaffDemoData implements ApplicationRunner {

    record Demo(String username, String name, String kana, String agencyCode, Set<Role> roles) {}

    static final Demo[] STAFF = {
        new Demo("admin", "佐伯 拓海", "さえき たくみ", "CITY-ADMIN", Set.of(SYSTEM_ADMIN)),
        new Demo("admin2", "森下 由佳", "もりした ゆか", "CITY-ADMIN", Set.of(SYSTEM_ADMIN)),
        new Demo("coordinator", "高橋 真理子", "たかはし まりこ", "HUB", Set.of(MUNICIPAL_COORDINATOR)),
        new Demo("coordinator2", "齋藤 健", "さいとう けん", "CITY-WELFARE", Set.of(MUNICIPAL_COORDINATOR)),
        new Demo("supervisor", "渡邊 恵子", "わたなべ けいこ", "HOKATSU-N", Set.of(AGENCY_SUPERVISOR, CASEWORKER)),
        new Demo("supervisor2", "中村 大輔", "なかむら だいすけ", "JIRITSU", Set.of(AGENCY_SUPERVISOR, CASEWORKER)),
        new Demo("caseworker", "小林 さくら", "こばやし さくら", "HOKATSU-N", Set.of(CASEWORKER)),
        new Demo("caseworker2", "山口 翔太", "やまぐち しょうた", "JIRITSU", Set.of(CASEWORKER)),
        new Demo("caseworker3", "松本 彩", "まつもと あや", "KODOMO", Set.of(CASEWORKER)),
        new Demo("caseworker4", "木村 葵", "きむら あおい", "DISABILITY-HUB", Set.of(CASEWORKER)),
        new Demo("caseworker5", "岡本 里美", "おかもと さとみ", "HEALTH", Set.of(CASEWORKER)),
        new Demo("caseworker6", "藤田 浩二", "ふじた こうじ", "WELFARE-OFFICE", Set.of(CASEWORKER)),
        new Demo("csw", "井上 直樹", "いのうえ なおき", "SHAKYO", Set.of(CASEWORKER)),
        new Demo("minsei", "田中 キヨ子", "たなか きよこ", "MINSEI", Set.of(VOLUNTEER)),
        new Demo("minsei2", "吉田 茂", "よしだ しげる", "MINSEI", Set.of(VOLUNTEER)),
        new Demo("planner", "加藤 美穂", "かとう みほ", "CITY-WELFARE", Set.of(PLANNER)),
        new Demo("planner2", "清水 隆", "しみず たかし", "CITY-WELFARE", Set.of(PLANNER)),
        new Demo("auditor", "山本 和也", "やまもと かずや", "CITY-ADMIN", Set.of(AUDITOR)),
        new Demo("auditor2", "石井 千尋", "いしい ちひろ", "CITY-ADMIN", Set.of(AUDITOR)),
        new Demo("privacy", "岡田 礼子", "おかだ れいこ", "CITY-ADMIN", Set.of(PRIVACY_OFFICER)),
        new Demo("privacy2", "北村 秀樹", "きたむら ひでき", "CITY-WELFARE", Set.of(PRIVACY_OFFICER)),
        // community organisers (地域活動の担い手): a district council's volunteer and an NPO's coordinator
        new Demo("organiser", "宮本 春江", "みやもと はるえ", "CHIKU-SAKURADAI", Set.of(COMMUNITY_ORGANISER)),
        new Demo("organiser2", "大野 健太", "おおの けんた", "SHAKYO", Set.of(COMMUNITY_ORGANISER)),
    };

    private final StaffService staff;
    private final DirectoryApi directory;
    private final String password;
    private final MfaService mfa;
    private final String totpSecret;

    StaffDemoData(
            StaffService staff,
            DirectoryApi directory,
            @Value("${marugoto.demo.password}") String password,
            MfaService mfa,
            @Value("${marugoto.demo.totp-secret}") String totpSecret) {
        this.staff = staff;
        this.directory = directory;
        this.password = password;
        this.mfa = mfa;
        this.totpSecret = totpSecret;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Demo demo : STAFF) {
            if (staff.exists(demo.username())) {
                continue;
            }
            var agency = directory
                    .agencyByCode(demo.agencyCode())
                    .orElseThrow(() -> new IllegalStateException("demo agency missing: " + demo.agencyCode()));
            staff.ensure(
                    demo.username(),
                    password,
                    new StaffCommand(
                            demo.name(),
                            demo.kana(),
                            demo.username() + "@demo.mizukino.example",
                            agency.id(),
                            demo.roles(),
                            true));
        }
        // the roles that must have a second factor start with the documented demo secret
        for (Demo demo : STAFF) {
            if (MfaService.required(demo.roles())) {
                var account = staff.loadUserByUsername(demo.username());
                mfa.enrolDemo(account.accountId(), demo.username(), totpSecret);
            }
        }
    }
}
