package org.marugoto.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.directory.AgencyKind;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.domain.DirectoryService;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.web.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The directory of agencies and counters that every staff member can browse. */
@Controller
class DirectoryController {

    private final DirectoryService directory;
    private final AreaApi areas;

    DirectoryController(DirectoryService directory, AreaApi areas) {
        this.directory = directory;
        this.areas = areas;
    }

    @GetMapping("/directory")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable AgencyKind kind,
            HttpServletRequest request,
            Model model) {
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", AgencyKind.values());
        model.addAttribute(
                "agencies",
                directory.agencies().stream()
                        .filter(AgencyView::active)
                        .filter(a -> kind == null || a.kind() == kind)
                        .filter(a -> needle.isEmpty() || matches(a, needle))
                        .toList());
        model.addAttribute("areaNames", areaNames(areas));
        return Htmx.view(request, "directory/list", "results");
    }

    @GetMapping("/directory/{id}")
    String agency(@PathVariable UUID id, Model model) {
        AgencyView agency = directory.agency(id).orElseThrow(() -> new NotFoundException("agency", id));
        model.addAttribute("agency", agency);
        model.addAttribute(
                "counters",
                directory.counters(id).stream().filter(c -> c.active()).toList());
        model.addAttribute("areaNames", areaNames(areas));
        return "directory/agency";
    }

    private static boolean matches(AgencyView agency, String needle) {
        return contains(agency.name(), needle)
                || contains(agency.nameKana(), needle)
                || contains(agency.address(), needle)
                || contains(agency.description(), needle);
    }

    private static boolean contains(@Nullable String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    static Map<UUID, String> areaNames(AreaApi areas) {
        return areas.tree().stream().collect(Collectors.toMap(AreaView::id, AreaView::name));
    }
}
