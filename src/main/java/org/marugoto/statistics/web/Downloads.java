package org.marugoto.statistics.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.marugoto.statistics.domain.Report;

/**
 * A report as CSV (UTF-8 with a byte order mark, so that Excel opens the Japanese correctly; CRLF; every cell quoted)
 * and as an Excel workbook (.xlsx): the title, the period and the scope, then the same table as the page, with
 * numbers as numbers and hidden counts as the same marker.
 */
final class Downloads {

    /** The row (0-based) of the column headings in the workbook; the figures follow it. */
    static final int HEADER_ROW = 3;

    private Downloads() {}

    static List<List<String>> table(Report report, String hiddenMarker) {
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add(report.rowHeader());
        header.addAll(report.columns());
        table.add(header);
        for (Report.Row row : report.rows()) {
            List<String> line = new ArrayList<>();
            line.add(row.label());
            row.cells()
                    .forEach(c -> line.add(c.hidden() ? hiddenMarker : c.value() == null ? "" : c.text(hiddenMarker)));
            table.add(line);
        }
        return table;
    }

    static byte[] csv(Report report, String hiddenMarker) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<String> line : table(report, hiddenMarker)) {
            out.append(String.join(",", line.stream().map(Downloads::cell).toList()))
                    .append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A CSV cell, quoted; a leading = + - @ is prefixed so that a spreadsheet does not run it as a formula. */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    static byte[] xlsx(Report report, String period, String scope, String hiddenMarker) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(report.title()));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            Row title = sheet.createRow(0);
            Cell t = title.createCell(0);
            t.setCellValue(report.title());
            t.setCellStyle(heading);
            sheet.createRow(1).createCell(0).setCellValue(period + " / " + scope);
            if (!report.note().isEmpty()) {
                sheet.createRow(2).createCell(0).setCellValue(report.note());
            }
            Row header = sheet.createRow(HEADER_ROW);
            header.createCell(0).setCellValue(report.rowHeader());
            for (int c = 0; c < report.columns().size(); c++) {
                Cell h = header.createCell(c + 1);
                h.setCellValue(report.columns().get(c));
                h.setCellStyle(heading);
            }
            header.getCell(0).setCellStyle(heading);
            int r = HEADER_ROW + 1;
            for (Report.Row row : report.rows()) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.label());
                for (int c = 0; c < row.cells().size(); c++) {
                    Report.Cell figure = row.cells().get(c);
                    Cell cell = line.createCell(c + 1);
                    Double value = figure.value();
                    if (figure.hidden()) {
                        cell.setCellValue(hiddenMarker);
                    } else if (value != null) {
                        cell.setCellValue(figure.whole() ? (double) Math.round(value) : value);
                    }
                }
            }
            if (!report.footnote().isEmpty()) {
                sheet.createRow(r + 1).createCell(0).setCellValue(report.footnote());
            }
            sheet.setColumnWidth(0, 40 * 256);
            for (int c = 1; c <= report.columns().size(); c++) {
                sheet.setColumnWidth(c, 16 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The yearly report as a workbook: the title, the year in both calendars, the period and the day it was made, then
     * one table (事業 / 項目 / 実績 / 単位 / 根拠), numbers as numbers; a breakdown (うち…) indented in its label.
     */
    static byte[] yearlyXlsx(
            org.marugoto.statistics.domain.YearlyReport report,
            String municipality,
            String period,
            String made,
            String running) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(report.label()));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            Cell t = sheet.createRow(0).createCell(0);
            t.setCellValue(report.label() + " 重層的支援体制整備事業 実績報告");
            t.setCellStyle(heading);
            sheet.createRow(1).createCell(0).setCellValue(municipality);
            sheet.createRow(2).createCell(0).setCellValue(period);
            Row madeRow = sheet.createRow(3);
            madeRow.createCell(0).setCellValue(made);
            if (!report.complete()) {
                madeRow.createCell(1).setCellValue(running);
            }
            Row header = sheet.createRow(YEARLY_HEADER_ROW);
            List<String> headings = List.of("事業", "項目", "実績", "単位", "根拠");
            for (int c = 0; c < headings.size(); c++) {
                Cell h = header.createCell(c);
                h.setCellValue(headings.get(c));
                h.setCellStyle(heading);
            }
            int r = YEARLY_HEADER_ROW + 1;
            for (org.marugoto.statistics.domain.YearlyReport.Project project : report.projects()) {
                for (org.marugoto.statistics.domain.YearlyReport.Item item : project.items()) {
                    Row line = sheet.createRow(r++);
                    line.createCell(0).setCellValue(project.name());
                    line.createCell(1).setCellValue((item.breakdown() ? "　" : "") + item.label());
                    Double value = item.value();
                    Cell figure = line.createCell(2);
                    if (value != null) {
                        figure.setCellValue(item.whole() ? (double) Math.round(value) : value);
                    } else {
                        figure.setCellValue("—");
                    }
                    line.createCell(3).setCellValue(item.unit());
                    line.createCell(4).setCellValue(project.basis());
                }
            }
            sheet.setColumnWidth(0, 36 * 256);
            sheet.setColumnWidth(1, 50 * 256);
            sheet.setColumnWidth(2, 12 * 256);
            sheet.setColumnWidth(3, 8 * 256);
            sheet.setColumnWidth(4, 34 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row (0-based) of the headings of the yearly workbook. */
    static final int YEARLY_HEADER_ROW = 5;
}
