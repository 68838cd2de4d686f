package org.marugoto.imports.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A file of rows as text: CSV (UTF-8 with or without a byte order mark, else Shift_JIS/Windows-31J as older systems
 * write; quoted cells with commas, quotes and line breaks) or the first sheet of an Excel workbook (.xlsx; dates as
 * yyyy-MM-dd). The first row holds the headings.
 */
public final class TableFile {

    private TableFile() {}

    /** Thrown when the file cannot be read at all (not CSV, a broken workbook). */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    public static List<List<String>> read(String filename, byte[] bytes) throws Unreadable {
        String name = filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return xlsx(bytes);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return csv(text(bytes));
        }
        throw new Unreadable("type");
    }

    static String text(byte[] bytes) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
                        ? 3
                        : 0;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-31j"));
        }
    }

    /** RFC 4180 CSV: rows of cells; blank lines are left out. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                addRow(rows, row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
            i++;
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            addRow(rows, row);
        }
        return rows;
    }

    private static void addRow(List<List<String>> rows, List<String> row) {
        if (!(row.size() == 1 && row.get(0).isBlank())) {
            rows.add(row);
        }
    }

    static List<List<String>> xlsx(byte[] bytes) throws Unreadable {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.JAPAN);
            List<List<String>> rows = new ArrayList<>();
            int width = 0;
            for (Row r : sheet) {
                width = Math.max(width, r.getLastCellNum());
            }
            for (int i = sheet.getFirstRowNum(); i <= sheet.getLastRowNum(); i++) {
                Row r = sheet.getRow(i);
                List<String> row = new ArrayList<>();
                boolean blank = true;
                for (int c = 0; c < width; c++) {
                    Cell cell = r == null ? null : r.getCell(c);
                    String value;
                    if (cell == null) {
                        value = "";
                    } else if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            && DateUtil.isCellDateFormatted(cell)) {
                        value = cell.getLocalDateTimeCellValue().toLocalDate().toString();
                    } else {
                        value = format.formatCellValue(cell);
                    }
                    blank &= value.isBlank();
                    row.add(value);
                }
                if (!blank) {
                    rows.add(row);
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("xlsx");
        }
    }
}
