package org.marugoto.directory.api;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The directory as Open Referral HSDS 3.0 (read-only): paginated lists of services and organizations with their
 * one-to-one fields ({@code full=true} nests everything), and fully nested single objects.
 */
@RestController
@RequestMapping("/api/v1/hsds")
class HsdsController {

    private static final int MAX_PER_PAGE = 500;

    private final HsdsExport export;
    private final MessageSource messages;

    HsdsController(HsdsExport export, MessageSource messages) {
        this.export = export;
        this.messages = messages;
    }

    @GetMapping("/services")
    Hsds.Page<Hsds.Service> services(
            @RequestParam(name = "organization_id", required = false) @Nullable UUID organizationId,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "per_page", defaultValue = "50") int perPage,
            @RequestParam(defaultValue = "false") boolean full) {
        return export.services(organizationId, checkPage(page), checkPerPage(perPage), full);
    }

    @GetMapping("/services/{id}")
    Hsds.Service service(@PathVariable UUID id) {
        return export.service(id).orElseThrow(() -> new NotFoundException("service", id));
    }

    @GetMapping("/organizations")
    Hsds.Page<Hsds.Organization> organizations(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "per_page", defaultValue = "50") int perPage,
            @RequestParam(defaultValue = "false") boolean full) {
        return export.organizations(checkPage(page), checkPerPage(perPage), full);
    }

    @GetMapping("/organizations/{id}")
    Hsds.Organization organization(@PathVariable UUID id) {
        return export.organization(id).orElseThrow(() -> new NotFoundException("organization", id));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(Locale locale) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, messages.getMessage("api.error.notFound", null, locale));
    }

    private static int checkPage(int page) {
        if (page < 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 1 or more");
        }
        return page;
    }

    private static int checkPerPage(int perPage) {
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "per_page must be between 1 and " + MAX_PER_PAGE);
        }
        return perPage;
    }
}
