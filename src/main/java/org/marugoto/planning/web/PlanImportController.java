package org.marugoto.planning.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.marugoto.planning.domain.PlanAccess;
import org.marugoto.planning.domain.PlanImport;
import org.marugoto.planning.domain.PlanService;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing measures and indicators from CSV or Excel: the file is checked and previewed (row-level errors in the
 * user's language, and what saving would do) without saving anything; the preview carries the file itself in the form,
 * so saving needs no state on the server, checks the same bytes again and saves all or nothing. The plan's measures
 * can be downloaded in the same format.
 */
@Controller
class PlanImportController {

    /** Larger files are refused; a plan's sheet is a few hundred rows. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private final PlanImport importer;
    private final PlanService plans;
    private final PlanAccess access;
    private final MessageSource messages;

    PlanImportController(PlanImport importer, PlanService plans, PlanAccess access, MessageSource messages) {
        this.importer = importer;
        this.plans = plans;
        this.access = access;
        this.messages = messages;
    }

    /** An error of the preview as the shared import fragment shows it (the message in the reader's language). */
    record ShownError(int line, String column, String message) {}

    @GetMapping("/planning/plans/{planId}/import")
    String form(@PathVariable UUID planId, Model model) {
        access.requirePlanner();
        model.addAttribute("plan", plans.plan(planId));
        model.addAttribute("measureColumns", PlanImport.MEASURE_COLUMNS);
        model.addAttribute("indicatorColumns", PlanImport.INDICATOR_COLUMNS);
        return "planning/import";
    }

    @PostMapping("/planning/plans/{planId}/import")
    String preview(
            @PathVariable UUID planId,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            Locale locale)
            throws IOException {
        access.requirePlanner();
        if (file == null || file.isEmpty() || file.getSize() > MAX_BYTES) {
            model.addAttribute(
                    "fileError",
                    msg(
                            file != null && file.getSize() > MAX_BYTES
                                    ? "planning.import.tooLarge"
                                    : "planning.import.noFile",
                            locale));
            return form(planId, model);
        }
        String filename = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        byte[] content = file.getBytes();
        show(model, importer.preview(planId, filename, content), locale);
        model.addAttribute("filename", filename);
        model.addAttribute("fileContent", Base64.getEncoder().encodeToString(content));
        return form(planId, model);
    }

    @PostMapping("/planning/plans/{planId}/import/save")
    String save(
            @PathVariable UUID planId,
            @RequestParam(defaultValue = "") String filename,
            @RequestParam(defaultValue = "") String content,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        access.requirePlanner();
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException broken) {
            bytes = new byte[0];
        }
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            model.addAttribute("fileError", msg("planning.import.noFile", locale));
            return form(planId, model);
        }
        PlanImport.Preview saved = importer.save(planId, filename, bytes);
        if (!saved.ok()) {
            show(model, saved, locale);
            model.addAttribute("filename", filename);
            model.addAttribute("fileContent", content);
            return form(planId, model);
        }
        redirect.addFlashAttribute("importedNew", saved.count(PlanImport.Change.NEW));
        redirect.addFlashAttribute("importedChanged", saved.count(PlanImport.Change.CHANGED));
        redirect.addFlashAttribute("importedSame", saved.count(PlanImport.Change.SAME));
        return "redirect:/planning/plans/" + planId + "/measures";
    }

    /** The plan's measures in the import format. */
    @GetMapping("/planning/plans/{planId}/measures.xlsx")
    ResponseEntity<byte[]> measures(@PathVariable UUID planId) {
        access.requirePlanner();
        List<List<String>> table = importer.measuresSheet(planId);
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("施策");
            for (int r = 0; r < table.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < table.get(r).size(); c++) {
                    row.createCell(c).setCellValue(table.get(r).get(c));
                }
            }
            workbook.write(out);
            return ResponseEntity.ok()
                    .contentType(PlanYearController.XLSX)
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename("plan-measures.xlsx")
                                    .build()
                                    .toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void show(Model model, PlanImport.Preview preview, Locale locale) {
        List<ShownError> errors = preview.errors().stream()
                .map(e -> new ShownError(
                        e.row(), e.column(), msg(e.key(), locale, e.arguments().toArray())))
                .toList();
        model.addAttribute("preview", preview);
        model.addAttribute("errors", errors);
    }

    private String msg(String code, Locale locale, Object... args) {
        String message = messages.getMessage(code, args, code, locale);
        return message == null ? code : message;
    }
}
