package org.marugoto.area.web;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.domain.PopulationService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing the population table (persons by age band per area and date): the file is checked and previewed with its
 * row errors in the user's language, without saving anything; the preview carries the file itself in the form, so
 * saving needs no state on the server, checks the same bytes again and saves all or nothing.
 */
@Controller
class PopulationController {

    /** Larger files are refused; a city's table is a few thousand rows. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private final PopulationService population;
    private final MessageSource messages;

    PopulationController(PopulationService population, MessageSource messages) {
        this.population = population;
        this.messages = messages;
    }

    /** An error of the preview as the shared import fragment shows it (the message in the reader's language). */
    record ShownError(int line, String column, String message) {}

    @GetMapping("/admin/areas/population")
    String form(Model model) {
        model.addAttribute("columns", PopulationService.COLUMNS);
        model.addAttribute("dates", population.dates());
        return "area/population";
    }

    @PostMapping("/admin/areas/population")
    String preview(@RequestParam(required = false) @Nullable MultipartFile file, Model model, Locale locale)
            throws IOException {
        if (file == null || file.isEmpty() || file.getSize() > MAX_BYTES) {
            model.addAttribute(
                    "fileError",
                    msg(
                            file != null && file.getSize() > MAX_BYTES
                                    ? "area.population.tooLarge"
                                    : "area.population.noFile",
                            locale));
            return form(model);
        }
        String filename = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        byte[] content = file.getBytes();
        show(model, population.preview(filename, content), locale);
        model.addAttribute("filename", filename);
        model.addAttribute("fileContent", Base64.getEncoder().encodeToString(content));
        return form(model);
    }

    @PostMapping("/admin/areas/population/save")
    String save(
            @RequestParam(defaultValue = "") String filename,
            @RequestParam(defaultValue = "") String content,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException broken) {
            bytes = new byte[0];
        }
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            model.addAttribute("fileError", msg("area.population.noFile", locale));
            return form(model);
        }
        PopulationService.Preview saved = population.save(filename, bytes);
        if (!saved.ok()) {
            show(model, saved, locale);
            model.addAttribute("filename", filename);
            model.addAttribute("fileContent", content);
            return form(model);
        }
        redirect.addFlashAttribute("importedNew", saved.count(PopulationService.Change.NEW));
        redirect.addFlashAttribute("importedChanged", saved.count(PopulationService.Change.CHANGED));
        redirect.addFlashAttribute("importedSame", saved.count(PopulationService.Change.SAME));
        return "redirect:/admin/areas/population";
    }

    private void show(Model model, PopulationService.Preview preview, Locale locale) {
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
