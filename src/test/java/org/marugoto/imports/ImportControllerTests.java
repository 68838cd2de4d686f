package org.marugoto.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Imports through the pages: a file with a bad row shows every error in Japanese and saves nothing; the corrected file
 * imports all its rows at once (households by their key, persons normalised like typed ones, audited); importing it
 * again changes nothing; Shift_JIS CSV and Excel files are read; only coordinators may import.
 */
@MarugotoTest
class ImportControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    UserDetails as(String username) {
        return users.loadUserByUsername(username);
    }

    static String header() {
        return "世帯番号,宛名番号,氏,名,氏カナ,名カナ,性別,生年月日,続柄,住所,地域コード,電話番号\r\n";
    }

    long persons() {
        return jdbc.sql("select count(*) from person").query(Long.class).single();
    }

    String preview(String filename, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/imports/persons/preview")
                        .file(new MockMultipartFile("file", filename, "text/csv", bytes))
                        .with(csrf())
                        .with(user(as("coordinator"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static String token(String page) {
        Matcher m = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(m.find()).as("a commit form").isTrue();
        return m.group(1);
    }

    @Test
    void aBadRowIsShownAndNothingSavedTheFixedFileImportsAndARerunChangesNothing() throws Exception {
        String k = UUID.randomUUID().toString().substring(0, 8);
        String bad = header()
                + "H" + k + "-1,P" + k + "-1,取込,一郎,トリコミ,イチロウ,男,昭和30年5月1日,世帯主,美月野市南台2-1-1,S1-1,\r\n"
                + "H" + k + "-1,P" + k + "-2,取込,花子,トリコミ,ハナコ,女,昭和99年1月1日,妻,美月野市南台2-1-1,S1-1,\r\n"
                + "H" + k + "-2,P" + k + "-3,髙橋,𠮷男,タカハシ,ヨシオ,男,1980-02-03,本人,,,090-1234-5678\r\n";
        long before = persons();
        String page = preview("persons.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(page).contains("3行").contains("生年月日「昭和99年1月1日」を日付として読めません").doesNotContain("name=\"token\"");
        assertThat(persons()).isEqualTo(before);
        String good = bad.replace("昭和99年1月1日", "昭和32年7月7日");
        page = preview("persons.csv", good.getBytes(StandardCharsets.UTF_8));
        assertThat(page).contains("新しく登録する人 3人（新しい世帯 2）");
        assertThat(persons()).isEqualTo(before);
        mvc.perform(post("/imports/persons/commit")
                        .param("token", token(page))
                        .with(csrf())
                        .with(user(as("coordinator"))))
                .andExpect(status().is3xxRedirection());
        assertThat(persons()).isEqualTo(before + 3);
        // one household of two, one of one; the persons normalised like typed ones (searchable by reading)
        List<Long> sizes = jdbc.sql("""
                        select count(*) from household_member hm
                        join imported_record r on r.kind = 'HOUSEHOLD' and r.record_id = hm.household_id
                        where r.external_key like ? group by hm.household_id order by 1
                        """).param("H" + k + "%").query(Long.class).list();
        assertThat(sizes).containsExactly(1L, 2L);
        assertThat(jdbc.sql("""
                        select p.reading_key from person p join imported_record r on r.record_id = p.id
                        where r.external_key = ?
                        """).param("P" + k + "-3").query(String.class).single())
                .isNotBlank();
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'import'")
                        .query(Long.class)
                        .single())
                .isPositive();
        // the same file again: nothing new, nothing changes, and the commit of that preview creates nothing
        page = preview("persons.csv", good.getBytes(StandardCharsets.UTF_8));
        assertThat(page).contains("新しく登録する人 0人").contains("登録済みで変わらない人 3人");
        assertThat(page).doesNotContain("name=\"token\"");
        assertThat(persons()).isEqualTo(before + 3);
    }

    @Test
    void shiftJisCsvAndExcelAreReadAndACommitIsSafeToSendTwice() throws Exception {
        String k = UUID.randomUUID().toString().substring(0, 8);
        String csv = header() + "H" + k + ",P" + k + ",旧字,太郎,キュウジ,タロウ,M,S45.4.1,本人,,,\r\n";
        String page = preview("legacy.csv", csv.getBytes(Charset.forName("windows-31j")));
        assertThat(page).contains("新しく登録する人 1人");
        long before = persons();
        String token = token(page);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/imports/persons/commit")
                            .param("token", token)
                            .with(csrf())
                            .with(user(as("coordinator"))))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(persons()).isEqualTo(before + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("住基");
            String[] cells = header().strip().split(",");
            Row h = sheet.createRow(0);
            for (int c = 0; c < cells.length; c++) {
                h.createCell(c).setCellValue(cells[c]);
            }
            Row r = sheet.createRow(1);
            String[] values = {"X" + k, "Y" + k, "表計算", "次郎", "ヒョウケイサン", "ジロウ", "男", "1990-01-01", "本人"};
            for (int c = 0; c < values.length; c++) {
                r.createCell(c).setCellValue(values[c]);
            }
            workbook.write(out);
        }
        page = preview("extract.xlsx", out.toByteArray());
        assertThat(page).contains("新しく登録する人 1人");
        // an unknown heading layout: the missing columns are named
        page = preview("other.csv", "名前,住所\r\n山田,どこか\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(page).contains("見出し「世帯番号」の列がありません");
    }

    @Test
    void onlyCoordinatorsImport() throws Exception {
        for (String username : List.of("caseworker", "supervisor", "planner")) {
            mvc.perform(multipart("/imports/persons/preview")
                            .file(new MockMultipartFile(
                                    "file", "x.csv", "text/csv", header().getBytes(StandardCharsets.UTF_8)))
                            .with(csrf())
                            .with(user(as(username))))
                    .andExpect(status().isForbidden());
        }
    }

    /** Real intake data may come without a reading (decision 0038): imported as 読み未登録, a given reading alone is not. */
    @Test
    void aRowWithoutAReadingIsImportedAsReadingNotRecorded() throws Exception {
        String k = UUID.randomUUID().toString().substring(0, 8);
        String file = header()
                + "R" + k + "-1,Q" + k + "-1,無読取込,一,,,男,1950-03-04,本人,,,\r\n"
                + "R" + k + "-2,Q" + k + "-2,無読取込,二,,ジロウ,男,1952-03-04,本人,,,\r\n";
        String page = preview("persons.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(page).contains("id=\"preview-errors\"").doesNotContain("name=\"token\"");
        page = preview(
                "persons.csv",
                (header() + "R" + k + "-1,Q" + k + "-1,無読取込,一,,,男,1950-03-04,本人,,,\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(page).contains("新しく登録する人 1人");
        mvc.perform(post("/imports/persons/commit")
                        .param("token", token(page))
                        .with(csrf())
                        .with(user(as("coordinator"))))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select family_name_kana from person where family_name = '無読取込'")
                        .query(String.class)
                        .single())
                .isEmpty();
    }
}
