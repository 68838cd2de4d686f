package org.marugoto.shared.table;

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
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A file of rows as text: CSV (UTF-8 with or without a byte order mark, else Shift_JIS/Windows-31J as older systems
 * and Excel on Japanese Windows write; RFC 4180 quoted cells with commas, quotes and line breaks) or the sheets of an
 * Excel workbook (.xlsx; a date cell as yyyy-MM-dd, other cells as Excel shows them). The first row of a table holds
 * the headings.
 *
 * <p>Rows keep their place: a blank row is kept (as blank cells), so that in a workbook, and in a CSV without line
 * breaks inside cells, row index + 1 is the line the user sees. At most {@code maxRows} rows after the headings are
 * read, plus one more, so that the caller can tell that the file has too many and say so.
 */
public final class TableFile {

    private TableFile() {}

    /** Thrown when the file cannot be read at all: not CSV or .xlsx by its name ("type"), a broken workbook ("xlsx"). */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    /** The rows of a CSV file or of the first sheet of a workbook, blank rows kept. */
    public static List<List<String>> read(String filename, byte[] bytes, int maxRows) throws Unreadable {
        List<List<List<String>>> sheets = sheets(filename, bytes, maxRows, true);
        return sheets.isEmpty() ? List.of() : sheets.get(0);
    }

    /**
     * The rows of a CSV file or of the first sheet of a workbook, without blank rows and without a cap (the import of
     * households and persons, decision 0031).
     */
    public static List<List<String>> read(String filename, byte[] bytes) throws Unreadable {
        return withoutBlankRows(read(filename, bytes, Integer.MAX_VALUE - 2));
    }

    /** Every sheet of a workbook (a CSV file is one sheet), blank rows kept. */
    public static List<List<List<String>>> sheets(String filename, byte[] bytes, int maxRows) throws Unreadable {
        return sheets(filename, bytes, maxRows, false);
    }

    private static List<List<List<String>>> sheets(String filename, byte[] bytes, int maxRows, boolean firstOnly)
            throws Unreadable {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows");
        }
        String name = filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return xlsx(bytes, maxRows, firstOnly);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return List.of(csv(text(bytes), maxRows));
        }
        throw new Unreadable("type");
    }

    /** The rows that have a cell with something in it. */
    public static List<List<String>> withoutBlankRows(List<List<String>> rows) {
        return rows.stream().filter(r -> !r.stream().allMatch(String::isBlank)).toList();
    }

    /** UTF-8 (a byte order mark is dropped), else Shift_JIS (Windows-31J), as Japanese offices save CSV. */
    public static String text(byte[] bytes) {
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

    /** RFC 4180 CSV: rows of cells, at most the headings, {@code maxRows} rows and one more. */
    public static List<List<String>> csv(String text, int maxRows) {
        long keep = (long) maxRows + 2;
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
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
                rows.add(row);
                row = new ArrayList<>();
                if (rows.size() >= keep) {
                    return rows;
                }
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    private static List<List<List<String>>> xlsx(byte[] bytes, int maxRows, boolean firstOnly) throws Unreadable {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            DataFormatter format = new DataFormatter(Locale.JAPAN);
            List<List<List<String>>> sheets = new ArrayList<>();
            for (Sheet sheet : workbook) {
                sheets.add(sheet(sheet, format, maxRows));
                if (firstOnly) {
                    break;
                }
            }
            return sheets;
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("xlsx");
        }
    }

    private static List<List<String>> sheet(Sheet sheet, DataFormatter format, int maxRows) {
        long last = Math.min((long) sheet.getLastRowNum(), (long) maxRows + 1);
        int width = 0;
        for (int i = 0; i <= last; i++) {
            Row r = sheet.getRow(i);
            if (r != null) {
                width = Math.max(width, r.getLastCellNum());
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            Row r = sheet.getRow(i);
            List<String> row = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                Cell cell = r == null ? null : r.getCell(c);
                if (cell == null) {
                    row.add("");
                } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                    row.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                } else {
                    row.add(format.formatCellValue(cell));
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
