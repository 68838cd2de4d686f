package org.marugoto.area.web;

import java.io.IOException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.domain.PopulationService;
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

    PopulationController(PopulationService population) {
        this.population = population;
    }

    @GetMapping("/admin/areas/population")
    String form(Model model) {
        model.addAttribute("columns", PopulationService.COLUMNS);
        model.addAttribute("dates", population.dates());
        return "area/population";
    }

    @PostMapping("/admin/areas/population")
    String preview(@RequestParam(required = false) @Nullable MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty() || file.getSize() > MAX_BYTES) {
            model.addAttribute(
                    "fileError",
                    file != null && file.getSize() > MAX_BYTES ? "area.population.tooLarge" : "area.population.noFile");
            return form(model);
        }
        String filename = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        byte[] content = file.getBytes();
        model.addAttribute("preview", population.preview(filename, content));
        model.addAttribute("filename", filename);
        model.addAttribute("fileContent", Base64.getEncoder().encodeToString(content));
        return form(model);
    }

    @PostMapping("/admin/areas/population/save")
    String save(
            @RequestParam(defaultValue = "") String filename,
            @RequestParam(defaultValue = "") String content,
            Model model,
            RedirectAttributes redirect) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException broken) {
            bytes = new byte[0];
        }
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            model.addAttribute("fileError", "area.population.noFile");
            return form(model);
        }
        PopulationService.Preview saved = population.save(filename, bytes);
        if (!saved.ok()) {
            model.addAttribute("preview", saved);
            model.addAttribute("filename", filename);
            model.addAttribute("fileContent", content);
            return form(model);
        }
        redirect.addFlashAttribute("importedNew", saved.count(PopulationService.Change.NEW));
        redirect.addFlashAttribute("importedChanged", saved.count(PopulationService.Change.CHANGED));
        redirect.addFlashAttribute("importedSame", saved.count(PopulationService.Change.SAME));
        return "redirect:/admin/areas/population";
    }
}
