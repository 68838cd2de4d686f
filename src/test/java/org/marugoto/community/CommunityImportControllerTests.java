package org.marugoto.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.shared.table.TableFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Imports of places and activities through the page: a file with bad rows shows every error in Japanese (and English)
 * and saves nothing; the corrected file creates every row at once through the desk's create (waiting for review,
 * audited); importing it again changes nothing; Shift_JIS is read; the template carries the headings; only reviewers
 * import.
 */
@MarugotoTest
class CommunityImportControllerTests {

    static final String HEADINGS =
            "活動番号,団体名,種類,名称,名称かな,説明,地域コード,会場,住所,対象,曜日,第何週,開始時刻,終了時刻," + "参加費,定員,ボランティア募集,連絡先の名前,連絡先電話番号,連絡先メールアドレス\r\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    UserDetails as(String username) {
        return users.loadUserByUsername(username);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    String preview(String filename, byte[] bytes, Locale locale) throws Exception {
        return mvc.perform(multipart("/community/import/preview")
                        .file(new MockMultipartFile("file", filename, "text/csv", bytes))
                        .param("lang", locale.getLanguage())
                        .with(csrf())
                        .with(user(as("csw"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    String preview(String csv) throws Exception {
        return preview("activities.csv", csv.getBytes(StandardCharsets.UTF_8), Locale.JAPANESE);
    }

    void commit(String page) throws Exception {
        Matcher m = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(m.find()).as("a commit form").isTrue();
        mvc.perform(post("/community/import/commit")
                        .param("token", m.group(1))
                        .with(csrf())
                        .with(user(as("csw"))))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void badRowsAreShownNothingIsSavedTheFixedFileImportsAndARerunChangesNothing() throws Exception {
        String k = UUID.randomUUID().toString().substring(0, 6);
        String csv = HEADINGS
                + "T" + k + "-1,桜台地区社会福祉協議会,サロン,取込サロン" + k + ",とりこみさろん,おしゃべりと体操,N1-2,桜台集会所,"
                + "美月野市桜台1-1,どなたでも、高齢の方,水,2、4,10:00,12:00,100,25,いいえ,,0470-00-0000,\r\n"
                + "T" + k + "-2,ない団体,ひみつ基地,取込食堂" + k + ",,夕ごはん,ZZ-9,港会館,美月野市港町1-1,宇宙人,月曜,,"
                + "19:00,17:00,たくさん,,たぶん,,,mail\r\n"
                + "T" + k + "-1,桜台地区社会福祉協議会,サロン,重複,,説明,N1-2,会館,住所,どなたでも,火,,10:00,11:00,,,,,,\r\n";
        long before = count("community_activity");
        String page = preview(csv);
        assertThat(page)
                .contains("団体「ない団体」は登録されていません")
                .contains("種類「ひみつ基地」を読めません")
                .contains("地域コード「ZZ-9」")
                .contains("対象「宇宙人」を読めません")
                .contains("終了時刻が開始時刻より後になっていません")
                .contains("「たくさん」を数として読めません")
                .contains("「たぶん」を読めません")
                .contains("メールアドレス「mail」の形が正しくありません")
                .contains("コード「T" + k + "-1」がファイルの中で重複しています")
                .doesNotContain("name=\"token\"");
        assertThat(count("community_activity")).isEqualTo(before);
        String english = preview("a.csv", csv.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH);
        assertThat(english)
                .contains("Group &quot;ない団体&quot; is not registered")
                .contains("The end time is not after the start time.");

        String good = csv.replace("ない団体", "NPO法人 みづきの子ども応援団")
                .replace("ひみつ基地", "こども食堂")
                .replace("ZZ-9", "E2-2")
                .replace("宇宙人", "こども")
                .replace("19:00,17:00,たくさん", "17:00,19:00,300")
                .replace("たぶん", "はい")
                .replace(",mail\r\n", ",info@example.jp\r\n")
                .replace("T" + k + "-1,桜台地区社会福祉協議会,サロン,重複,,説明,N1-2,会館,住所,どなたでも,火,,10:00,11:00,,,,,,\r\n", "");
        page = preview(good);
        assertThat(page).contains("新しく登録 2件");
        assertThat(count("community_activity")).isEqualTo(before);
        long audits = count("audit_event");
        commit(page);
        assertThat(count("community_activity")).isEqualTo(before + 2);
        // as the desk's form leaves a new entry: waiting for review, not published
        assertThat(jdbc.sql("select review_state from community_activity where name = ?")
                        .param("取込サロン" + k)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
        assertThat(jdbc.sql("select count(*) from community_activity_published where name like ?")
                        .param("取込%" + k)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("""
                        select schedule_kind || ' ' || weekdays || ' ' || coalesce(nth_weeks, '-') || ' ' || targets
                        from community_activity where name = ?""").param("取込サロン" + k).query(String.class).single())
                .isEqualTo("MONTHLY WED 2,4 ANYONE,ELDERLY");
        // one audit record for the import and one CREATE for each entry
        assertThat(count("audit_event")).isEqualTo(audits + 3);

        // the same file again: nothing new, nothing changed
        page = preview(good);
        assertThat(page).contains("新しく登録 0件").contains("登録済みで変わらない 2件").doesNotContain("id=\"commit\"");
        assertThat(count("community_activity")).isEqualTo(before + 2);
    }

    @Test
    void shiftJisAndTheSampleFilesAreReadAndTheTemplateCarriesTheHeadings() throws Exception {
        String csv = Files.readString(Path.of("docs/samples/community-places.csv"));
        String page = preview("places.csv", csv.getBytes(Charset.forName("Windows-31J")), Locale.JAPANESE);
        assertThat(page).doesNotContain("preview-errors").contains("2行");
        page = preview(
                "activities.csv",
                Files.readAllBytes(Path.of("docs/samples/community-activities.csv")),
                Locale.JAPANESE);
        assertThat(page).doesNotContain("preview-errors").contains("2行");

        MvcResult async = mvc.perform(
                        get("/community/import/template").param("format", "csv").with(user(as("csw"))))
                .andReturn();
        byte[] template = mvc.perform(asyncDispatch(async))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<List<String>> rows = TableFile.read("t.csv", template, 10);
        assertThat(String.join(",", rows.get(0)) + "\r\n").isEqualTo(HEADINGS);
        async = mvc.perform(get("/community/import/template")
                        .param("format", "xlsx")
                        .with(user(as("csw"))))
                .andReturn();
        template = mvc.perform(asyncDispatch(async))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(TableFile.read("t.xlsx", template, 10).get(0)).hasSize(20);
    }

    @Test
    void onlyReviewersImport() throws Exception {
        mvc.perform(get("/community/import").with(user(as("csw")))).andExpect(status().isOk());
        mvc.perform(get("/community/import").with(user(as("organiser")))).andExpect(status().isForbidden());
        mvc.perform(multipart("/community/import/preview")
                        .file(new MockMultipartFile(
                                "file", "a.csv", "text/csv", HEADINGS.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf())
                        .with(user(as("organiser"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/community/import/commit")
                        .param("token", UUID.randomUUID().toString())
                        .with(csrf())
                        .with(user(as("organiser"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/community/import/template").with(user(as("organiser"))))
                .andExpect(status().isForbidden());
    }
}
