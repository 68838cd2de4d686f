package org.marugoto.community.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.community.domain.CommunityImport;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.table.Column;
import org.marugoto.shared.web.ListExport;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import of places and activities (the community desk's reviewers): choose the file, see the preview with every row's
 * errors (nothing saved), then import all of it at once; the entries wait for review as the desk's form leaves them.
 * The empty template (headings only) can be downloaded as CSV and Excel.
 */
@Controller
@RequestMapping("/community/import")
class CommunityImportController {

    private final CommunityImport imports;
    private final MessageSource messages;

    CommunityImportController(CommunityImport imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    /** An error of the preview as the page shows it (the message in the reader's language). */
    record ShownError(int line, String column, String message) {}

    @GetMapping
    String page(Model model) {
        return page(model, true);
    }

    @PostMapping("/preview")
    String preview(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model, Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", msg("import.error.noFile", locale));
            return page(model, true);
        }
        String name = file.getOriginalFilename() == null ? "import.csv" : file.getOriginalFilename();
        CommunityImport.Preview preview = imports.preview(name, file.getBytes());
        List<ShownError> errors = preview.errors().stream()
                .map(e -> new ShownError(
                        e.line(), e.column(), msg(e.code(), locale, e.args().toArray())))
                .toList();
        model.addAttribute("preview", preview);
        model.addAttribute("errors", errors);
        return page(model, false);
    }

    @PostMapping("/commit")
    String commit(@RequestParam(name = "token", required = false) @Nullable String token, RedirectAttributes redirect) {
        check();
        UUID id;
        try {
            id = UUID.fromString(token == null ? "" : token);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("expired", true);
            return "redirect:/community/import";
        }
        try {
            redirect.addFlashAttribute("result", imports.commit(id));
        } catch (CommunityImport.Expired e) {
            redirect.addFlashAttribute("expired", true);
        }
        return "redirect:/community/import";
    }

    /** The empty template: its headings, as CSV (UTF-8 with a byte order mark) or Excel. */
    @GetMapping("/template")
    ResponseEntity<StreamingResponseBody> template(
            @RequestParam(name = "format", required = false) @Nullable String format) {
        check();
        ListExport.Format f = "xlsx".equals(format) ? ListExport.Format.XLSX : ListExport.Format.CSV;
        List<String> headings =
                CommunityImport.COLUMNS.stream().map(Column::heading).toList();
        return ListExport.response(f, "import-activities", "activities", headings, List.of());
    }

    private String page(Model model, boolean checkAccess) {
        if (checkAccess) {
            check();
        }
        model.addAttribute("columns", CommunityImport.COLUMNS);
        return "community/import";
    }

    private void check() {
        if (!imports.mayImport(CurrentActor.get().orElseThrow(() -> new AccessDeniedException("import")))) {
            throw new AccessDeniedException("import");
        }
    }

    private String msg(String code, Locale locale, Object... args) {
        String message = messages.getMessage(code, args, code, locale);
        return message == null ? code : message;
    }
}
