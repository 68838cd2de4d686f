package org.marugoto.imports.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.imports.domain.PersonImport;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import of households and persons (coordinators): choose a file, see the preview with every row's errors (nothing
 * saved), then import all of it at once. The file itself is never stored: only its checked rows, in memory, until the
 * import or for 30 minutes.
 */
@Controller
class ImportController {

    private final PersonImport imports;
    private final MessageSource messages;

    ImportController(PersonImport imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    /** An error of the preview as the page shows it (the message in the reader's language). */
    record ShownError(int line, String column, String message) {}

    @GetMapping("/imports")
    String page(Model model) {
        actor();
        model.addAttribute("columns", PersonImport.COLUMNS);
        return "imports/persons";
    }

    @PostMapping("/imports/persons/preview")
    String preview(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model, Locale locale)
            throws IOException {
        actor();
        model.addAttribute("columns", PersonImport.COLUMNS);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", msg("import.error.noFile", locale));
            return "imports/persons";
        }
        String name = file.getOriginalFilename() == null ? "import.csv" : file.getOriginalFilename();
        PersonImport.Preview preview = imports.preview(name, file.getBytes());
        List<ShownError> errors = preview.errors().stream()
                .map(e -> new ShownError(
                        e.line(), e.column(), msg(e.code(), locale, e.args().toArray())))
                .toList();
        model.addAttribute("preview", preview);
        model.addAttribute("errors", errors);
        return "imports/persons";
    }

    @PostMapping("/imports/persons/commit")
    String commit(@RequestParam(name = "token", required = false) @Nullable String token, RedirectAttributes redirect) {
        actor();
        UUID id;
        try {
            id = UUID.fromString(token == null ? "" : token);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("expired", true);
            return "redirect:/imports";
        }
        try {
            PersonImport.Result result = imports.commit(id);
            redirect.addFlashAttribute("result", result);
        } catch (PersonImport.Expired e) {
            redirect.addFlashAttribute("expired", true);
        }
        return "redirect:/imports";
    }

    private static Actor actor() {
        Actor actor = CurrentActor.get().orElseThrow(() -> new AccessDeniedException("import"));
        if (!PersonImport.mayImport(actor)) {
            throw new AccessDeniedException("import");
        }
        return actor;
    }

    private String msg(String code, Locale locale, Object... args) {
        String message = messages.getMessage(code, args, code, locale);
        return message == null ? code : message;
    }
}
