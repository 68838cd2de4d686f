package org.marugoto.shared.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The shared reader: encodings, quoting, blank rows in their place, the row cap, sheets, unreadable files. */
class TableFileTests {

    @Test
    void csvInUtf8WithABomOrShiftJisWithQuotedCellsAndBlankRowsInTheirPlace() throws Exception {
        String text = "見出し,備考\r\n\"髙橋, 一\",\"改行\nと\"\"引用\"\"\"\r\n\r\n旧字,\r\n";
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        List<List<String>> rows = TableFile.read("a.csv", bom, 100);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsExactly("見出し", "備考");
        assertThat(rows.get(1)).containsExactly("髙橋, 一", "改行\nと\"引用\"");
        assertThat(rows.get(2)).containsExactly("");
        assertThat(TableFile.withoutBlankRows(rows)).hasSize(3);
        byte[] sjis = "見出し,備考\r\n旧字,表\r\n".getBytes(Charset.forName("windows-31j"));
        assertThat(TableFile.read("b.CSV", sjis, 100).get(1)).containsExactly("旧字", "表");
        // the person import's reading: blank rows dropped, no cap
        assertThat(TableFile.read("a.csv", bom)).hasSize(3);
    }

    @Test
    void theCapKeepsTheHeadingsTheRowsAndOneMore() throws Exception {
        StringBuilder csv = new StringBuilder("n\r\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i).append("\r\n");
        }
        assertThat(TableFile.read("c.csv", csv.toString().getBytes(StandardCharsets.UTF_8), 10))
                .hasSize(12);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            for (String name : List.of("一", "二")) {
                var sheet = workbook.createSheet(name);
                for (int r = 0; r < 50; r++) {
                    if (r != 3) {
                        sheet.createRow(r).createCell(0).setCellValue(name + r);
                    }
                }
            }
            workbook.write(out);
        }
        List<List<List<String>>> sheets = TableFile.sheets("d.xlsx", out.toByteArray(), 10);
        assertThat(sheets).hasSize(2);
        assertThat(sheets.get(1)).hasSize(12);
        assertThat(sheets.get(1).get(3)).containsExactly("");
        assertThat(sheets.get(1).get(4)).containsExactly("二4");
        List<List<String>> first = new ArrayList<>(TableFile.read("d.xlsx", out.toByteArray(), 100));
        assertThat(first).hasSize(50);
    }

    @Test
    void otherFilesAreUnreadable() {
        assertThatThrownBy(() -> TableFile.read("a.pdf", new byte[] {1}, 10))
                .isInstanceOf(TableFile.Unreadable.class)
                .hasMessage("type");
        assertThatThrownBy(() -> TableFile.read("a.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), 10))
                .isInstanceOf(TableFile.Unreadable.class)
                .hasMessage("xlsx");
    }
}
