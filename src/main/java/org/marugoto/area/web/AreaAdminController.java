package org.marugoto.area.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaLevel;
import org.marugoto.area.AreaView;
import org.marugoto.area.domain.AreaService;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.web.FormErrors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of the area hierarchy (圏域). */
@Controller
@RequestMapping("/admin/areas")
class AreaAdminController {

    private final AreaService areas;

    AreaAdminController(AreaService areas) {
        this.areas = areas;
    }

    @ModelAttribute("levels")
    AreaLevel[] levels() {
        return AreaLevel.values();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("areas", areas.tree());
        return "area/list";
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) @Nullable UUID parent, Model model) {
        AreaLevel level = parent == null
                ? null
                : areas.find(parent).map(p -> next(p.level())).orElse(null);
        return form(model, AreaForm.empty(parent, level), null);
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable UUID id, Model model) {
        AreaView area = area(id);
        return form(model, AreaForm.of(area), area);
    }

    /** Creating ({@code /new}) and editing ({@code /{id}}) are one path: only the service call differs. */
    @PostMapping({"/new", "/{id}"})
    String save(
            @PathVariable(required = false) @Nullable UUID id,
            @Valid @ModelAttribute("form") AreaForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        AreaView current = id == null ? null : area(id);
        if (result.hasErrors()) {
            return form(model, form, current);
        }
        try {
            AreaView saved = current == null
                    ? areas.create(form.command())
                    : areas.update(current.id(), form.version(), form.command());
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/admin/areas";
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return form(model, form, current);
        } catch (OptimisticLockingFailureException stale) {
            if (current == null) {
                throw stale; // only an edit can be stale
            }
            AreaView newer = area(current.id());
            model.addAttribute("stale", true);
            return form(model, AreaForm.of(newer), newer);
        }
    }

    private AreaView area(UUID id) {
        return areas.find(id).orElseThrow(() -> new NotFoundException("area", id));
    }

    private String form(Model model, AreaForm form, @Nullable AreaView area) {
        model.addAttribute("form", form);
        model.addAttribute("area", area);
        model.addAttribute(
                "parents",
                areas.tree().stream()
                        .filter(a -> area == null || !a.id().equals(area.id()))
                        .toList());
        return "area/form";
    }

    private static AreaLevel next(AreaLevel level) {
        AreaLevel[] all = AreaLevel.values();
        return all[Math.min(level.ordinal() + 1, all.length - 1)];
    }
}
