package org.marugoto.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.directory.domain.AgencyCommand;
import org.marugoto.directory.domain.CounterCommand;
import org.marugoto.directory.domain.DirectoryService;
import org.marugoto.directory.domain.ServiceCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

@MarugotoTest
class ServiceAdminControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DirectoryService directory;

    private AgencyView agency(String code) {
        return directory
                .agencyByCode(code)
                .orElseGet(() -> directory.createAgency(new AgencyCommand(
                        code, "フォーム試験機関 " + code, null, AgencyKind.OTHER, null, null, null, null, null, true, true)));
    }

    @Test
    @WithUserDetails("admin")
    void createsAServiceFromTheAgencyPage() throws Exception {
        AgencyView agency = agency("MVC-SVC-CREATE");
        CounterView counter = directory.createCounter(
                agency.id(), new CounterCommand("C1", "窓口", null, null, null, null, null, null, true));
        mvc.perform(get("/admin/agencies/" + agency.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/admin/agencies/" + agency.id() + "/services/new")));

        mvc.perform(post("/admin/agencies/" + agency.id() + "/services/new")
                        .with(csrf())
                        .param("code", "KAKEI")
                        .param("name", "家計の相談")
                        .param("nameKana", "かけいのそうだん")
                        .param("issueCodes", "DEBT", "INCOME")
                        .param("minAge", "１８")
                        .param("languages", "JAPANESE", "VIETNAMESE")
                        .param("counterIds", counter.id().toString())
                        .param("hours", "水 13:00〜16:00")
                        .param("acceptsReferrals", "true")
                        .param("active", "true"))
                .andExpect(status().is3xxRedirection());

        ServiceView created = directory.services(agency.id()).getFirst();
        assertThat(created.name()).isEqualTo("家計の相談");
        assertThat(created.issueCodes()).containsExactly("INCOME", "DEBT");
        assertThat(created.minAge()).isEqualTo(18);
        assertThat(created.languages()).containsExactly(ServiceLanguage.JAPANESE, ServiceLanguage.VIETNAMESE);
        assertThat(created.counterIds()).containsExactly(counter.id());
        mvc.perform(get("/admin/agencies/" + agency.id()))
                .andExpect(content().string(containsString("家計の相談")))
                .andExpect(content().string(containsString("債務")));
    }

    @Test
    @WithUserDetails("admin")
    void badInputShowsWhatIsWrongAndSavesNothing() throws Exception {
        AgencyView agency = agency("MVC-SVC-BAD");
        mvc.perform(post("/admin/agencies/" + agency.id() + "/services/new")
                        .with(csrf())
                        .param("code", "BAD")
                        .param("name", "")
                        .param("minAge", "十八")
                        .param("maxAge", "200")
                        .param("phone", "電話してね")
                        .param("email", "not-an-address"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("入力してください。")))
                .andExpect(content().string(containsString("対応する相談内容を1つ以上選んでください。")))
                .andExpect(content().string(containsString("半角数字で入力してください。")))
                .andExpect(content().string(containsString("値が大きすぎます。")))
                .andExpect(content().string(containsString("電話番号は数字・ハイフン・括弧で入力してください。")))
                .andExpect(content().string(containsString("メールアドレスの形式が正しくありません。")));

        mvc.perform(post("/admin/agencies/" + agency.id() + "/services/new")
                        .with(csrf())
                        .param("code", "AGES")
                        .param("name", "年齢が逆")
                        .param("issueCodes", "CARE")
                        .param("minAge", "70")
                        .param("maxAge", "60"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("対象年齢の上限は、下限と同じかそれより上にしてください。")));

        assertThat(directory.services(agency.id())).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void aStaleEditShowsTheNewerServiceAndKeepsIt() throws Exception {
        AgencyView agency = agency("MVC-SVC-STALE");
        ServiceView service = directory.createService(
                agency.id(),
                new ServiceCommand(
                        "S1",
                        "先の名前",
                        null,
                        null,
                        List.of("CARE"),
                        null,
                        null,
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        true,
                        true));
        ServiceView newer = directory.updateService(
                service.id(),
                service.version(),
                new ServiceCommand(
                        "S1",
                        "他の人が保存した名前",
                        null,
                        null,
                        List.of("CARE"),
                        null,
                        null,
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        true,
                        true));

        mvc.perform(post("/admin/agencies/" + agency.id() + "/services/" + service.id())
                        .with(csrf())
                        .param("code", "S1")
                        .param("name", "古い画面からの名前")
                        .param("issueCodes", "CARE")
                        .param("version", String.valueOf(service.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("他の人がこの記録を更新しました")))
                .andExpect(content().string(containsString("他の人が保存した名前")));

        assertThat(directory.service(service.id()).orElseThrow()).isEqualTo(newer);
    }

    @Test
    @WithUserDetails("caseworker")
    void caseworkersCannotManageServices() throws Exception {
        AgencyView agency = directory.agencyByCode("JIRITSU").orElseThrow();
        int before = directory.services(agency.id()).size();

        mvc.perform(get("/admin/agencies/" + agency.id() + "/services/new"))
                .andExpect(status().isForbidden())
                // a page, not the API's problem document
                .andExpect(
                        result -> assertThat(String.valueOf(result.getResponse().getContentType()))
                                .doesNotContain("problem"));
        mvc.perform(post("/admin/agencies/" + agency.id() + "/services/new")
                        .with(csrf())
                        .param("code", "DENIED")
                        .param("name", "不正な追加")
                        .param("issueCodes", "DEBT"))
                .andExpect(status().isForbidden());

        assertThat(directory.services(agency.id())).hasSize(before);
    }

    @Test
    @WithUserDetails("admin")
    void theServiceFormIsTranslated() throws Exception {
        AgencyView agency = directory.agencyByCode("JIRITSU").orElseThrow();
        mvc.perform(get("/admin/agencies/" + agency.id() + "/services/new").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Issues it handles")))
                .andExpect(content().string(containsString("Japanese Sign Language")))
                .andExpect(content().string(not(containsString("対応する相談内容"))));
    }
}
