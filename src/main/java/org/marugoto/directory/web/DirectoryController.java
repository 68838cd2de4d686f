package org.marugoto.directory.web;

import static org.marugoto.shared.text.Texts.blankToNull;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.directory.AgencyKind;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.CounterView;
import org.marugoto.directory.ServiceView;
import org.marugoto.directory.domain.DirectoryHit;
import org.marugoto.directory.domain.DirectoryQuery;
import org.marugoto.directory.domain.DirectoryService;
import org.marugoto.directory.domain.IssueName;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.text.JapaneseText;
import org.marugoto.shared.web.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The directory that every staff member searches to find where a person can be helped: agencies and their services
 * by words, kind, issue, area and age.
 */
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
            @RequestParam(required = false) @Nullable String issue,
            @RequestParam(required = false) @Nullable UUID area,
            @RequestParam(required = false) @Nullable String age,
            HttpServletRequest request,
            Model model) {
        String issueCode = blankToNull(issue);
        Integer ageValue = parseAge(age);
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("issue", issueCode);
        model.addAttribute("area", area);
        model.addAttribute("age", age);
        model.addAttribute("ageInvalid", age != null && !age.isBlank() && ageValue == null);
        model.addAttribute("kinds", AgencyKind.values());
        model.addAttribute(
                "issues",
                directory.issueNames().stream().filter(IssueName::active).toList());
        model.addAttribute("areas", areas.tree());
        List<DirectoryHit> hits = directory.search(new DirectoryQuery(q, kind, issueCode, area, ageValue));
        model.addAttribute("hits", hits);
        model.addAttribute(
                "serviceCount", hits.stream().mapToInt(h -> h.services().size()).sum());
        model.addAttribute("areaNames", areaNames(areas));
        model.addAttribute("issueNames", issueNames(directory));
        return Htmx.view(request, "directory/list", "results");
    }

    @GetMapping("/directory/{id}")
    String agency(@PathVariable UUID id, Model model) {
        AgencyView agency = directory.agency(id).orElseThrow(() -> new NotFoundException("agency", id));
        List<CounterView> counters = directory.counters(id);
        model.addAttribute("agency", agency);
        model.addAttribute(
                "counters", counters.stream().filter(CounterView::active).toList());
        model.addAttribute(
                "services",
                directory.services(id).stream().filter(ServiceView::active).toList());
        model.addAttribute(
                "counterNames", counters.stream().collect(Collectors.toMap(CounterView::id, CounterView::name)));
        model.addAttribute("areaNames", areaNames(areas));
        model.addAttribute("issueNames", issueNames(directory));
        return "directory/agency";
    }

    /** A whole number of years, typed in full or half width; null when there is none. */
    private static @Nullable Integer parseAge(@Nullable String age) {
        String text = JapaneseText.normalize(age).replace("歳", "").replace("才", "");
        if (!text.matches("\\d{1,3}")) {
            return null;
        }
        return Integer.parseInt(text);
    }

    static Map<UUID, String> areaNames(AreaApi areas) {
        return areas.tree().stream().collect(Collectors.toMap(AreaView::id, AreaView::name));
    }

    static Map<String, IssueName> issueNames(DirectoryService directory) {
        return directory.issueNames().stream().collect(Collectors.toMap(IssueName::code, Function.identity()));
    }
}
