package org.marugoto.directory.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.directory.AgencyKind;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.CounterView;
import org.marugoto.directory.ServiceLanguage;
import org.marugoto.directory.ServiceView;
import org.marugoto.directory.domain.DirectoryService;
import org.marugoto.directory.domain.IssueName;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of agencies (支援関係機関), their counters (相談窓口) and their services. */
@Controller
@RequestMapping("/admin/agencies")
class AgencyAdminController {

    private final DirectoryService directory;
    private final AreaApi areas;

    AgencyAdminController(DirectoryService directory, AreaApi areas) {
        this.directory = directory;
        this.areas = areas;
    }

    @ModelAttribute("kinds")
    AgencyKind[] kinds() {
        return AgencyKind.values();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("agencies", directory.agencies());
        model.addAttribute("areaNames", DirectoryController.areaNames(areas));
        return "directory/admin-list";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return agencyForm(model, new AgencyForm(), null);
    }

    @PostMapping("/new")
    String create(
            @Valid @ModelAttribute("form") AgencyForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return agencyForm(model, form, null);
        }
        try {
            AgencyView created = directory.createAgency(form.command());
            redirect.addFlashAttribute("saved", created.name());
            return "redirect:/admin/agencies/" + created.id();
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return agencyForm(model, form, null);
        }
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable UUID id, Model model) {
        AgencyView agency = agency(id);
        return agencyForm(model, AgencyForm.of(agency), agency);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") AgencyForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        AgencyView current = agency(id);
        if (result.hasErrors()) {
            return agencyForm(model, form, current);
        }
        try {
            AgencyView saved = directory.updateAgency(id, form.getVersion(), form.command());
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/admin/agencies/" + id;
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return agencyForm(model, form, current);
        } catch (OptimisticLockingFailureException stale) {
            AgencyView newer = agency(id);
            model.addAttribute("stale", true);
            return agencyForm(model, AgencyForm.of(newer), newer);
        }
    }

    @GetMapping("/{agencyId}/counters/new")
    String createCounterForm(@PathVariable UUID agencyId, Model model) {
        return counterForm(model, agency(agencyId), new CounterForm(), null);
    }

    @PostMapping("/{agencyId}/counters/new")
    String createCounter(
            @PathVariable UUID agencyId,
            @Valid @ModelAttribute("form") CounterForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        AgencyView agency = agency(agencyId);
        if (result.hasErrors()) {
            return counterForm(model, agency, form, null);
        }
        try {
            CounterView created = directory.createCounter(agencyId, form.command());
            redirect.addFlashAttribute("saved", created.name());
            return "redirect:/admin/agencies/" + agencyId;
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return counterForm(model, agency, form, null);
        }
    }

    @GetMapping("/{agencyId}/counters/{id}")
    String editCounterForm(@PathVariable UUID agencyId, @PathVariable UUID id, Model model) {
        CounterView counter = counter(agencyId, id);
        return counterForm(model, agency(agencyId), CounterForm.of(counter), counter);
    }

    @PostMapping("/{agencyId}/counters/{id}")
    String updateCounter(
            @PathVariable UUID agencyId,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") CounterForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        AgencyView agency = agency(agencyId);
        CounterView current = counter(agencyId, id);
        if (result.hasErrors()) {
            return counterForm(model, agency, form, current);
        }
        try {
            CounterView saved = directory.updateCounter(id, form.getVersion(), form.command());
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/admin/agencies/" + agencyId;
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return counterForm(model, agency, form, current);
        } catch (OptimisticLockingFailureException stale) {
            CounterView newer = counter(agencyId, id);
            model.addAttribute("stale", true);
            return counterForm(model, agency, CounterForm.of(newer), newer);
        }
    }

    @GetMapping("/{agencyId}/services/new")
    String createServiceForm(@PathVariable UUID agencyId, Model model) {
        return serviceForm(model, agency(agencyId), new ServiceForm(), null);
    }

    @PostMapping("/{agencyId}/services/new")
    String createService(
            @PathVariable UUID agencyId,
            @Valid @ModelAttribute("form") ServiceForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        AgencyView agency = agency(agencyId);
        if (result.hasErrors()) {
            return serviceForm(model, agency, form, null);
        }
        try {
            ServiceView created = directory.createService(agencyId, form.command());
            redirect.addFlashAttribute("saved", created.name());
            return "redirect:/admin/agencies/" + agencyId;
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return serviceForm(model, agency, form, null);
        }
    }

    @GetMapping("/{agencyId}/services/{id}")
    String editServiceForm(@PathVariable UUID agencyId, @PathVariable UUID id, Model model) {
        ServiceView service = service(agencyId, id);
        return serviceForm(model, agency(agencyId), ServiceForm.of(service), service);
    }

    @PostMapping("/{agencyId}/services/{id}")
    String updateService(
            @PathVariable UUID agencyId,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") ServiceForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        AgencyView agency = agency(agencyId);
        ServiceView current = service(agencyId, id);
        if (result.hasErrors()) {
            return serviceForm(model, agency, form, current);
        }
        try {
            ServiceView saved = directory.updateService(id, form.getVersion(), form.command());
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/admin/agencies/" + agencyId;
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return serviceForm(model, agency, form, current);
        } catch (OptimisticLockingFailureException stale) {
            ServiceView newer = service(agencyId, id);
            model.addAttribute("stale", true);
            return serviceForm(model, agency, ServiceForm.of(newer), newer);
        }
    }

    private AgencyView agency(UUID id) {
        return directory.agency(id).orElseThrow(() -> new NotFoundException("agency", id));
    }

    private CounterView counter(UUID agencyId, UUID id) {
        return directory
                .counter(id)
                .filter(c -> c.agencyId().equals(agencyId))
                .orElseThrow(() -> new NotFoundException("counter", id));
    }

    private ServiceView service(UUID agencyId, UUID id) {
        return directory
                .service(id)
                .filter(s -> s.agencyId().equals(agencyId))
                .orElseThrow(() -> new NotFoundException("service", id));
    }

    private String agencyForm(Model model, AgencyForm form, @Nullable AgencyView agency) {
        model.addAttribute("form", form);
        model.addAttribute("agency", agency);
        model.addAttribute("areas", areas.tree());
        if (agency != null) {
            model.addAttribute("counters", directory.counters(agency.id()));
            model.addAttribute("services", directory.services(agency.id()));
            model.addAttribute("issueNames", DirectoryController.issueNames(directory));
        }
        return "directory/agency-form";
    }

    private String counterForm(Model model, AgencyView agency, CounterForm form, @Nullable CounterView counter) {
        model.addAttribute("form", form);
        model.addAttribute("agency", agency);
        model.addAttribute("counter", counter);
        model.addAttribute("areas", areas.tree());
        return "directory/counter-form";
    }

    private String serviceForm(Model model, AgencyView agency, ServiceForm form, @Nullable ServiceView service) {
        List<IssueName> issues = directory.issueNames().stream()
                .filter(issue -> issue.active() || form.getIssueCodes().contains(issue.code()))
                .toList();
        model.addAttribute("form", form);
        model.addAttribute("agency", agency);
        model.addAttribute("service", service);
        model.addAttribute("issues", issues);
        model.addAttribute("areas", areas.tree());
        model.addAttribute("counters", directory.counters(agency.id()));
        model.addAttribute("languages", ServiceLanguage.values());
        return "directory/service-form";
    }
}
