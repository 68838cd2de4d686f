package org.marugoto.planning.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.planning.domain.ProgressService.Evaluation;
import org.springframework.stereotype.Service;

/**
 * The yearly progress report (進捗状況報告書): every measure with its departments, results, self-evaluation, issues
 * and next year's direction; the evaluations counted; the indicators of the year against their targets; the
 * committee's comments. The same content as a PDF (rendered from {@code planning/pdf/report}) and as an Excel workbook.
 */
@Service
public class ProgressReport {

    public record Line(PlanService.Measure measure, ProgressService.@Nullable Progress progress) {}

    public record IndicatorLine(IndicatorService.Indicator indicator, IndicatorService.@Nullable YearFigure figure) {}

    public record Content(
            PlanService.Plan plan,
            ProgressService.Year year,
            List<Line> lines,
            Map<Evaluation, Long> evaluations,
            long notEntered,
            List<IndicatorLine> indicators) {}

    private final PlanService plans;
    private final ProgressService progress;
    private final IndicatorService indicators;
    private final PlanAccess access;
    private final AuditApi audit;

    ProgressReport(
            PlanService plans,
            ProgressService progress,
            IndicatorService indicators,
            PlanAccess access,
            AuditApi audit) {
        this.plans = plans;
        this.progress = progress;
        this.indicators = indicators;
        this.access = access;
        this.audit = audit;
    }

    /** The planner's report of a year (audited as an export). */
    public Content content(UUID yearId, String format) {
        access.requirePlanner();
        Content content = build(yearId);
        audit.record(new AuditEntry(AuditAction.EXPORT, "plan-year", yearId, null, Map.of("format", format)));
        return content;
    }

    /** The report of a closed year as published (the public pages): no access check, no personal data. */
    public Content published(UUID yearId) {
        ProgressService.Year year = progress.year(yearId);
        if (!year.closed()) {
            throw new org.marugoto.shared.NotFoundException("plan-year", yearId);
        }
        return build(yearId);
    }

    private Content build(UUID yearId) {
        ProgressService.Year year = progress.year(yearId);
        PlanService.Plan plan = plans.plan(year.planId());
        Map<UUID, ProgressService.Progress> entered = progress.progress(yearId);
        List<Line> lines = new ArrayList<>();
        Map<Evaluation, Long> counts = new EnumMap<>(Evaluation.class);
        for (Evaluation e : Evaluation.values()) {
            counts.put(e, 0L);
        }
        long missing = 0;
        for (PlanService.Measure measure :
                plans.search(new PlanService.Criteria(plan.id(), null, null, null, null, false))) {
            ProgressService.Progress p = entered.get(measure.id());
            lines.add(new Line(measure, p));
            if (p == null) {
                missing++;
            } else {
                counts.merge(p.evaluation(), 1L, Long::sum);
            }
        }
        List<IndicatorLine> indicatorLines = new ArrayList<>();
        for (IndicatorService.Series s : indicators.series(plan)) {
            IndicatorService.YearFigure figure = s.years().stream()
                    .filter(f -> f.fiscalYear() == year.fiscalYear())
                    .findFirst()
                    .orElse(null);
            indicatorLines.add(new IndicatorLine(s.indicator(), figure));
        }
        return new Content(plan, year, lines, counts, missing, indicatorLines);
    }

    /** The report as an Excel workbook: the measures' progress, then the indicators. */
    public byte[] xlsx(Content content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            Sheet sheet = workbook.createSheet("施策の進捗");
            Row title = sheet.createRow(0);
            title.createCell(0)
                    .setCellValue(content.plan().name() + " " + content.year().fiscalYear() + "年度 進捗状況報告");
            title.getCell(0).setCellStyle(heading);
            sheet.createRow(1)
                    .createCell(0)
                    .setCellValue("基本目標：" + content.plan().basicGoal());
            String[] columns = {"番号", "施策・事業", "所管課", "重点施策", "自己評価", "実績", "課題", "次年度の方向性"};
            Row header = sheet.createRow(3);
            for (int c = 0; c < columns.length; c++) {
                header.createCell(c).setCellValue(columns[c]);
                header.getCell(c).setCellStyle(heading);
            }
            int r = 4;
            for (Line line : content.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.measure().number());
                row.createCell(1).setCellValue(line.measure().name());
                row.createCell(2).setCellValue(line.measure().departmentNames());
                row.createCell(3).setCellValue(line.measure().priority() ? "○" : "");
                ProgressService.Progress p = line.progress();
                row.createCell(4)
                        .setCellValue(p == null ? "未入力" : p.evaluation().name());
                row.createCell(5).setCellValue(p == null ? "" : p.result());
                row.createCell(6).setCellValue(p == null ? "" : p.issues());
                row.createCell(7).setCellValue(p == null ? "" : p.nextDirection());
                for (int c = 5; c <= 7; c++) {
                    row.getCell(c).setCellStyle(wrap);
                }
            }
            sheet.setColumnWidth(0, 8 * 256);
            sheet.setColumnWidth(1, 36 * 256);
            sheet.setColumnWidth(2, 20 * 256);
            for (int c = 5; c <= 7; c++) {
                sheet.setColumnWidth(c, 40 * 256);
            }
            Sheet ind = workbook.createSheet("指標");
            String[] indColumns = {"指標番号", "指標", "単位", "基準年度", "基準値", "目標", "実績", "算出"};
            Row ih = ind.createRow(0);
            for (int c = 0; c < indColumns.length; c++) {
                ih.createCell(c).setCellValue(indColumns[c]);
                ih.getCell(c).setCellStyle(heading);
            }
            int ir = 1;
            for (IndicatorLine line : content.indicators()) {
                Row row = ind.createRow(ir++);
                IndicatorService.Indicator i = line.indicator();
                row.createCell(0).setCellValue(i.code());
                row.createCell(1).setCellValue(i.name());
                row.createCell(2).setCellValue(i.unit());
                row.createCell(3).setCellValue(i.baselineYear());
                row.createCell(4).setCellValue(i.baselineValue().doubleValue());
                IndicatorService.YearFigure f = line.figure();
                BigDecimal target = f == null ? null : f.target();
                BigDecimal value = f == null ? null : f.value();
                if (target != null) {
                    row.createCell(5).setCellValue(target.doubleValue());
                }
                if (value != null) {
                    row.createCell(6).setCellValue(value.doubleValue());
                }
                row.createCell(7).setCellValue(i.computed() ? "記録から集計" : "所管課が入力");
            }
            ind.setColumnWidth(1, 40 * 256);
            Sheet comment = workbook.createSheet("委員会の意見");
            comment.createRow(0).createCell(0).setCellValue(content.year().committeeComment());
            comment.setColumnWidth(0, 100 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
