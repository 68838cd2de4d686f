package org.marugoto.people.web;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.marugoto.access.Colleagues;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.domain.LinkageService;
import org.marugoto.people.domain.PeopleService;
import org.marugoto.shared.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinators' review queue of candidate links (decision 0029): the minimum needed to decide, confirm or reject,
 * and a batch run over the whole population. The service refuses everyone but the municipality's coordinators.
 */
@Controller
class LinkageController {

    private final LinkageService linkage;
    private final DirectoryApi directory;
    private final PeopleService people;
    private final Colleagues colleagues;

    LinkageController(LinkageService linkage, DirectoryApi directory, PeopleService people, Colleagues colleagues) {
        this.linkage = linkage;
        this.directory = directory;
        this.people = people;
        this.colleagues = colleagues;
    }

    @GetMapping("/linkage")
    String queue(Model model) {
        model.addAttribute("items", linkage.queue());
        Map<UUID, AgencyView> agencies =
                directory.agencies().stream().collect(Collectors.toMap(AgencyView::id, a -> a, (a, b) -> a));
        model.addAttribute("agencies", agencies);
        model.addAttribute("staffNames", staffNames());
        return "people/linkage";
    }

    /**
     * Who asked, as colleagues know them: display names by account name (the pair records the account name). An
     * account no longer enabled keeps its account name on the page.
     */
    private Map<String, String> staffNames() {
        Map<String, String> names = new java.util.HashMap<>();
        colleagues.professionals().forEach(c -> names.put(c.username(), c.displayName()));
        return names;
    }

    /** Confirms ({@code decision=confirm}) or rejects a pair; a pair decided meanwhile is reported, not re-decided. */
    @PostMapping("/linkage/decide")
    String decide(
            @RequestParam(required = false) UUID id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(defaultValue = "") String decision,
            RedirectAttributes redirect) {
        linkage.requireCoordinator();
        try {
            if (id == null) {
                throw new NotFoundException("person_link_candidate", new UUID(0, 0));
            }
            if ("confirm".equals(decision)) {
                linkage.confirm(id, version);
                redirect.addFlashAttribute("saved", "linkage.confirmed");
            } else if ("reject".equals(decision)) {
                linkage.reject(id, version);
                redirect.addFlashAttribute("saved", "linkage.rejected");
            } else {
                redirect.addFlashAttribute("problem", "linkage.decided");
            }
        } catch (NotFoundException | OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("problem", "linkage.decided");
        }
        return "redirect:/linkage";
    }

    /**
     * Takes the record out of the identity a coordinator linked it into (a link confirmed in error). {@code identity}
     * is the one the page showed: a second submit, or an unlink meanwhile, is reported and changes nothing.
     */
    @PostMapping("/people/{id}/unlink")
    String unlink(@PathVariable UUID id, @RequestParam(required = false) UUID identity, RedirectAttributes redirect) {
        linkage.requireCoordinator();
        try {
            if (identity == null) {
                throw new OptimisticLockingFailureException("no identity");
            }
            linkage.unlink(id, identity);
            redirect.addFlashAttribute("unlinked", true);
        } catch (OptimisticLockingFailureException e) {
            // a record of another municipality is not found (NotFoundException, answered as such)
            redirect.addFlashAttribute("unlinkStale", true);
        }
        return "redirect:/people/" + id;
    }

    /**
     * Asks the municipality's coordinator to confirm that the person the user sees may be the record another agency
     * holds (the search page's "may exist elsewhere", decision 0038). The person's read is authorized and audited
     * first; a pair the user was not shown, or one decided meanwhile, comes back with a message. A second submit
     * changes nothing.
     */
    @PostMapping("/people/{id}/linkage-request")
    String request(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID candidate,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String q,
            RedirectAttributes redirect) {
        people.person(id, "ask coordinator");
        try {
            if (candidate == null) {
                throw new NotFoundException("person_link_candidate", new UUID(0, 0));
            }
            boolean asked = linkage.request(candidate, id, reason.length() > 500 ? reason.substring(0, 500) : reason);
            redirect.addFlashAttribute(asked ? "linkageAsked" : "linkageAskedAlready", true);
        } catch (NotFoundException | OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("linkageAskGone", true);
        }
        return q.isBlank()
                ? "redirect:/people/" + id
                : "redirect:"
                        + org.springframework.web.util.UriComponentsBuilder.fromPath("/people")
                                .queryParam("q", q)
                                .encode()
                                .build()
                                .toUriString();
    }

    @PostMapping("/linkage/run")
    String run(RedirectAttributes redirect) {
        LinkageService.BatchRun run = linkage.linkAll();
        redirect.addFlashAttribute("run", run);
        return "redirect:/linkage";
    }
}
