package org.marugoto.directory.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.directory.domain.DirectoryImport;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.table.Column;
import org.marugoto.shared.web.ListExport;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
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
 * Import of agencies, counters and services (system administrators, like the directory's forms; {@code /admin/**} is
 * theirs): choose what the file holds and the file, see the preview with every row's errors (nothing saved), then
 * import all of it at once. The file itself is never stored: only its checked rows, in memory, until the import or
 * for 30 minutes. The empty templates (headings only) can be downloaded as CSV and Excel.
 */
@Controller
@RequestMapping("/admin/agencies/import")
class DirectoryImportController {

    private final DirectoryImport imports;
    private final MessageSource messages;

    DirectoryImportController(DirectoryImport imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    /** An error of the preview as the page shows it (the message in the reader's language). */
    record ShownError(int line, String column, String message) {}

    @GetMapping
    String page(@RequestParam(name = "kind", required = false) @Nullable String kind, Model model) {
        return page(model, kind(kind));
    }

    @PostMapping("/preview")
    String preview(
            @RequestParam(name = "kind", required = false) @Nullable String kind,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model,
            Locale locale)
            throws IOException {
        DirectoryImport.Kind chosen = kind(kind);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", msg("import.error.noFile", locale));
            return page(model, chosen);
        }
        String name = file.getOriginalFilename() == null ? "import.csv" : file.getOriginalFilename();
        DirectoryImport.Preview preview = imports.preview(chosen, name, file.getBytes());
        List<ShownError> errors = preview.errors().stream()
                .map(e -> new ShownError(
                        e.line(), e.column(), msg(e.code(), locale, e.args().toArray())))
                .toList();
        model.addAttribute("preview", preview);
        model.addAttribute("errors", errors);
        return page(model, chosen);
    }

    @PostMapping("/commit")
    String commit(@RequestParam(name = "token", required = false) @Nullable String token, RedirectAttributes redirect) {
        UUID id;
        try {
            id = UUID.fromString(token == null ? "" : token);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("expired", true);
            return "redirect:/admin/agencies/import";
        }
        try {
            DirectoryImport.Result result = imports.commit(id);
            redirect.addFlashAttribute("result", result);
            return "redirect:/admin/agencies/import?kind=" + result.kind().path();
        } catch (DirectoryImport.Expired e) {
            redirect.addFlashAttribute("expired", true);
            return "redirect:/admin/agencies/import";
        }
    }

    /** The empty template of a kind: its headings, as CSV (UTF-8 with a byte order mark) or Excel. */
    @GetMapping("/template")
    ResponseEntity<StreamingResponseBody> template(
            @RequestParam(name = "kind", required = false) @Nullable String kind,
            @RequestParam(name = "format", required = false) @Nullable String format) {
        DirectoryImport.Kind chosen = kind(kind);
        ListExport.Format f = "xlsx".equals(format) ? ListExport.Format.XLSX : ListExport.Format.CSV;
        List<String> headings = chosen.columns().stream().map(Column::heading).toList();
        return ListExport.response(f, "import-" + chosen.path(), chosen.path(), headings, List.of());
    }

    private String page(Model model, DirectoryImport.Kind kind) {
        model.addAttribute("kinds", DirectoryImport.Kind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("columns", kind.columns());
        return "directory/import";
    }

    private static DirectoryImport.Kind kind(@Nullable String kind) {
        if (kind == null || kind.isBlank()) {
            return DirectoryImport.Kind.AGENCIES;
        }
        return DirectoryImport.Kind.ofPath(kind).orElseThrow(() -> new NotFoundException("import kind", kind));
    }

    private String msg(String code, Locale locale, Object... args) {
        String message = messages.getMessage(code, args, code, locale);
        return message == null ? code : message;
    }
}
