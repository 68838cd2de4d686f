package org.marugoto.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A list with personal data (a caseload, referrals) as a download that never touches the server's disk (decision
 * 0033): CSV is streamed to the response row by row (UTF-8 with a byte order mark, CRLF, every cell quoted, a leading
 * {@code = + - @} defused); an .xlsx is built in memory by {@link XSSFWorkbook} (not SXSSF, whose rows go to temporary
 * files) and written straight to the response, which is why it is refused above {@link #XLSX_ROW_CAP} rows. The
 * caller has checked access, asked for re-authentication, masked the rows as its screen does and audited the export
 * before it returns what is made here.
 */
public final class ListExport {

    /** The most rows an .xlsx export holds (in memory); a longer list is exported as CSV. */
    public static final int XLSX_ROW_CAP = 10_000;

    /** The formats a list can be exported as. */
    public enum Format {
        CSV,
        XLSX
    }

    private ListExport() {}

    /** The response for the rows, named {@code fileName}.csv or .xlsx. */
    public static ResponseEntity<StreamingResponseBody> response(
            Format format, String fileName, String sheetName, List<String> header, List<List<String>> rows) {
        String name = fileName + (format == Format.CSV ? ".csv" : ".xlsx");
        StreamingResponseBody body =
                format == Format.CSV ? out -> csv(out, header, rows) : out -> xlsx(out, sheetName, header, rows);
        MediaType type = format == Format.CSV
                ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9_-]", "_")
                                + (format == Format.CSV ? ".csv" : ".xlsx") + "\"; filename*=UTF-8''"
                                + URLEncoder.encode(name, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    /** Writes the CSV row by row to {@code out}. */
    public static void csv(OutputStream out, List<String> header, Iterable<List<String>> rows) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        line(writer, header);
        for (List<String> row : rows) {
            line(writer, row);
        }
        writer.flush();
    }

    private static void line(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(cell(cells.get(i)));
        }
        writer.write("\r\n");
    }

    /** A CSV cell, quoted; a leading = + - @ is prefixed so that a spreadsheet does not run it as a formula. */
    public static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    /** Writes the workbook (one sheet, bold headings, text cells) to {@code out}; built in memory. */
    public static void xlsx(OutputStream out, String sheetName, List<String> header, List<List<String>> rows)
            throws IOException {
        if (rows.size() > XLSX_ROW_CAP) {
            throw new IllegalArgumentException("more than " + XLSX_ROW_CAP + " rows: export as CSV");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(sheetName));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                var cell = head.createCell(c);
                cell.setCellValue(header.get(c));
                cell.setCellStyle(heading);
                sheet.setColumnWidth(c, 20 * 256);
            }
            int r = 1;
            for (List<String> row : rows) {
                Row line = sheet.createRow(r++);
                for (int c = 0; c < row.size(); c++) {
                    line.createCell(c).setCellValue(row.get(c));
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
        }
    }
}
