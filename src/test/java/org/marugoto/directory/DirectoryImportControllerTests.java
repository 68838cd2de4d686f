package org.marugoto.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * Imports of agencies, counters and services through the pages: a file with bad rows shows every error in Japanese
 * (and English) and saves nothing; the corrected file creates every row at once, audited; importing it again changes
 * nothing; counters and services refer to agencies and counters by code; Shift_JIS CSV and Excel are read; the
 * templates carry the headings; only administrators import.
 */
@MarugotoTest
class DirectoryImportControllerTests {

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

    String preview(String kind, String filename, byte[] bytes, Locale locale) throws Exception {
        return mvc.perform(multipart("/admin/agencies/import/preview")
                        .file(new MockMultipartFile("file", filename, "text/csv", bytes))
                        .param("kind", kind)
                        .param("lang", locale.getLanguage())
                        .with(csrf())
                        .with(user(as("admin"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    String preview(String kind, String csv) throws Exception {
        return preview(kind, kind + ".csv", csv.getBytes(StandardCharsets.UTF_8), Locale.JAPANESE);
    }

    void commit(String page) throws Exception {
        Matcher m = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(m.find()).as("a commit form").isTrue();
        mvc.perform(post("/admin/agencies/import/commit")
                        .param("token", m.group(1))
                        .with(csrf())
                        .with(user(as("admin"))))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void badRowsAreShownAndNothingSavedTheFixedFilesImportAndARerunChangesNothing() throws Exception {
        String k = UUID.randomUUID().toString().substring(0, 6);
        String agencies = "機関コード,名称,名称カナ,種別,地域コード,住所,電話番号,メールアドレス,説明,つなぎ受付\r\n"
                + "T-IM" + k + "-1,取込地域包括支援センター,トリコミ,地域包括支援センター,S1-1,美月野市南台1-1,0120-111-222,"
                + "houkatsu@example.jp,高齢者の総合相談,はい\r\n"
                + "T-IM" + k + "-2,取込社協,トリコミ,しゃきょう,,,03-xxxx,mail,,たぶん\r\n"
                + "T-IM" + k + "-1,重複,,その他,,,,,,\r\n";
        long before = count("agency");
        String page = preview("agencies", agencies);
        assertThat(page)
                .contains("種別「しゃきょう」を読めません")
                .contains("電話番号「03-xxxx」には数字とハイフンだけを使えます")
                .contains("メールアドレス「mail」の形が正しくありません")
                .contains("「たぶん」を読めません")
                .contains("コード「T-IM" + k + "-1」がファイルの中で重複しています")
                .doesNotContain("name=\"token\"");
        assertThat(count("agency")).isEqualTo(before);
        // the same errors in English
        String english = preview("agencies", "a.csv", agencies.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH);
        assertThat(english).contains("Cannot read the kind &quot;しゃきょう&quot;");

        String good = agencies.replace("しゃきょう", "社会福祉協議会")
                .replace("03-xxxx", "03-1234-5678")
                .replace(",mail,", ",shakyo@example.jp,")
                .replace("たぶん", "いいえ")
                .replace("T-IM" + k + "-1,重複,,その他,,,,,,\r\n", "");
        page = preview("agencies", good);
        assertThat(page).contains("新しく登録 2件");
        assertThat(count("agency")).isEqualTo(before);
        commit(page);
        assertThat(count("agency")).isEqualTo(before + 2);
        assertThat(jdbc.sql("select accepts_referrals from agency where code = ?")
                        .param("T-IM" + k + "-2")
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'agency' and action = 'CREATE'"
                                + " and record_id in (select id from agency where code like ?)")
                        .param("T-IM" + k + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'import'")
                        .query(Long.class)
                        .single())
                .isPositive();

        // again: nothing new, nothing to commit
        page = preview("agencies", good);
        assertThat(page).contains("新しく登録 0件").contains("登録済みで変わらない 2件").doesNotContain("name=\"token\"");
        assertThat(count("agency")).isEqualTo(before + 2);

        // counters of the imported agency, then a service naming a counter, issues and languages
        String counters = "機関コード,窓口コード,名称,地域コード,住所,電話番号,受付時間,対応言語,バリアフリー\r\n"
                + "T-IM" + k + "-1,C1,本所窓口,S1-1,美月野市南台1-1,0120-111-222,平日 8:30〜17:15,日本語・英語,車いす可\r\n"
                + "T-NO" + k + ",C1,ない機関の窓口,,,,,,\r\n";
        page = preview("counters", counters);
        assertThat(page).contains("機関コード「T-NO" + k + "」の機関は登録されていません");
        page = preview("counters", counters.substring(0, counters.lastIndexOf("T-NO" + k)));
        commit(page);
        String services = "機関コード,サービスコード,名称,課題コード,対象年齢下限,対象年齢上限,対応言語,窓口コード,対象地域コード\r\n" + "T-IM" + k
                + "-1,SV1,介護の総合相談,\"CARE、DEBT\",65,,\"日本語、英語\",C1,S1-1\r\n";
        page = preview("services", services.replace("C1,S1-1", "C9,S1-1").replace(",65,", ",65,40"));
        assertThat(page).contains("窓口コード「C9」の窓口は機関「T-IM" + k + "-1」に登録されていません").contains("対象年齢の上限が下限より小さくなっています");
        page = preview("services", services);
        commit(page);
        UUID serviceId =
                jdbc.sql("""
                        select s.id from support_service s join agency a on a.id = s.agency_id
                        where a.code = ? and s.code = 'SV1'
                        """).param("T-IM" + k + "-1").query(UUID.class).single();
        assertThat(jdbc.sql("select count(*) from support_service_issue where service_id = ?")
                        .param(serviceId)
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
        page = preview("services", services);
        assertThat(page).contains("新しく登録 0件");
    }

    @Test
    void shiftJisCsvAndExcelAreReadAndTheTemplatesCarryTheHeadings() throws Exception {
        String k = UUID.randomUUID().toString().substring(0, 6);
        String csv = "機関コード,名称,種別\r\nSJ" + k + ",旧システムの機関,福祉事務所\r\n";
        String page = preview("agencies", "legacy.csv", csv.getBytes(Charset.forName("windows-31j")), Locale.JAPANESE);
        assertThat(page).contains("新しく登録 1件");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("機関");
            String[][] cells = {{"機関コード", "名称", "種別"}, {"T-XL" + k, "表計算の機関", "保健センター"}};
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            workbook.write(out);
        }
        page = preview("agencies", "agencies.xlsx", out.toByteArray(), Locale.JAPANESE);
        assertThat(page).contains("新しく登録 1件");
        page = preview("agencies", "名前,住所\r\n山田,どこか\r\n");
        assertThat(page).contains("見出し「機関コード」の列がありません");

        byte[] template = download("services", "xlsx").getContentAsByteArray();
        List<List<String>> rows = TableFile.read("t.xlsx", template, 10);
        assertThat(rows.get(0)).startsWith("機関コード", "サービスコード", "名称");
        String csvTemplate = download("counters", "csv").getContentAsString(StandardCharsets.UTF_8);
        assertThat(csvTemplate).contains("\"窓口コード\"");
        mvc.perform(get("/admin/agencies/import").param("kind", "nothing").with(user(as("admin"))))
                .andExpect(status().isNotFound());
    }

    org.springframework.mock.web.MockHttpServletResponse download(String kind, String format) throws Exception {
        MvcResult result = mvc.perform(get("/admin/agencies/import/template")
                        .param("kind", kind)
                        .param("format", format)
                        .with(user(as("admin"))))
                .andReturn();
        // StreamingResponseBody: the body is written asynchronously
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse();
    }

    @Test
    void onlyAdministratorsImport() throws Exception {
        for (String username : List.of("coordinator", "caseworker", "supervisor", "planner")) {
            mvc.perform(multipart("/admin/agencies/import/preview")
                            .file(new MockMultipartFile(
                                    "file", "x.csv", "text/csv", "機関コード\r\n".getBytes(StandardCharsets.UTF_8)))
                            .param("kind", "agencies")
                            .with(csrf())
                            .with(user(as(username))))
                    .andExpect(status().isForbidden());
        }
    }
}
