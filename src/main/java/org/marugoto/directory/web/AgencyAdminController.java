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
        return agencyForm(model, AgencyForm.empty(), null);
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable UUID id, Model model) {
        AgencyView agency = agency(id);
        return agencyForm(model, AgencyForm.of(agency), agency);
    }

    /** Creating ({@code /new}) and editing ({@code /{id}}) are one path: only the service call differs. */
    @PostMapping({"/new", "/{id}"})
    String save(
            @PathVariable(required = false) @Nullable UUID id,
            @Valid @ModelAttribute("form") AgencyForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        AgencyView current = id == null ? null : agency(id);
        if (result.hasErrors()) {
            return agencyForm(model, form, current);
        }
        try {
            AgencyView saved = current == null
                    ? directory.createAgency(form.command())
                    : directory.updateAgency(current.id(), form.version(), form.command());
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/admin/agencies/" + saved.id();
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return agencyForm(model, form, current);
        } catch (OptimisticLockingFailureException stale) {
            if (current == null) {
                throw stale; // only an edit can be stale
            }
            AgencyView newer = agency(current.id());
            model.addAttribute("stale", true);
            return agencyForm(model, AgencyForm.of(newer), newer);
        }
    }

    @GetMapping("/{agencyId}/counters/new")
    String createCounterForm(@PathVariable UUID agencyId, Model model) {
        return counterForm(model, agency(agencyId), CounterForm.empty(), null);
    }

    @GetMapping("/{agencyId}/counters/{id}")
    String editCounterForm(@PathVariable UUID agencyId, @PathVariable UUID id, Model model) {
        CounterView counter = counter(agencyId, id);
        return counterForm(model, agency(agencyId), CounterForm.of(counter), counter);
    }

    /** One path for a new counter and an edited one. */
    @PostMapping({"/{agencyId}/counters/new", "/{agencyId}/counters/{id}"})
    String saveCounter(
            @PathVariable UUID agencyId,
            @PathVariable(required = false) @Nullable UUID id,
            @Valid @ModelAttribute("form") CounterForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        AgencyView agency = agency(agencyId);
        CounterView current = id == null ? null : counter(agencyId, id);
        if (result.hasErrors()) {
            return counterForm(model, agency, form, current);
        }
        try {
            CounterView saved = current == null
                    ? directory.createCounter(agencyId, form.command())
                    : directory.updateCounter(current.id(), form.version(), form.command());
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/admin/agencies/" + agencyId;
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return counterForm(model, agency, form, current);
        } catch (OptimisticLockingFailureException stale) {
            if (current == null) {
                throw stale; // only an edit can be stale
            }
            CounterView newer = counter(agencyId, current.id());
            model.addAttribute("stale", true);
            return counterForm(model, agency, CounterForm.of(newer), newer);
        }
    }

    @GetMapping("/{agencyId}/services/new")
    String createServiceForm(@PathVariable UUID agencyId, Model model) {
        return serviceForm(model, agency(agencyId), ServiceForm.empty(), null);
    }

    @GetMapping("/{agencyId}/services/{id}")
    String editServiceForm(@PathVariable UUID agencyId, @PathVariable UUID id, Model model) {
        ServiceView service = service(agencyId, id);
        return serviceForm(model, agency(agencyId), ServiceForm.of(service), service);
    }

    /** One path for a new service and an edited one. */
    @PostMapping({"/{agencyId}/services/new", "/{agencyId}/services/{id}"})
    String saveService(
            @PathVariable UUID agencyId,
            @PathVariable(required = false) @Nullable UUID id,
            @Valid @ModelAttribute("form") ServiceForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        AgencyView agency = agency(agencyId);
        ServiceView current = id == null ? null : service(agencyId, id);
        if (result.hasErrors()) {
            return serviceForm(model, agency, form, current);
        }
        try {
            ServiceView saved = current == null
                    ? directory.createService(agencyId, form.command())
                    : directory.updateService(current.id(), form.version(), form.command());
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/admin/agencies/" + agencyId;
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return serviceForm(model, agency, form, current);
        } catch (OptimisticLockingFailureException stale) {
            if (current == null) {
                throw stale; // only an edit can be stale
            }
            ServiceView newer = service(agencyId, current.id());
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
                .filter(issue -> issue.active() || form.issueCodes().contains(issue.code()))
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
