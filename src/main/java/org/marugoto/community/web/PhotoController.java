package org.marugoto.community.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.community.domain.ActivityPhotos;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The photo of a place or activity: uploaded and removed at the desk (the organiser of its group, the reviewers),
 * previewed there, and served to residents once published. A photo's address never serves other bytes (a new upload
 * is a new photo), so residents' browsers and caches may keep it for a day.
 */
@Controller
class PhotoController {

    private final ActivityPhotos photos;

    PhotoController(ActivityPhotos photos) {
        this.photos = photos;
    }

    @PostMapping("/community/activities/{id}/photo")
    String upload(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable MultipartFile photo,
            @RequestParam(required = false) @Nullable String photoAlt,
            @RequestParam(required = false) @Nullable String version,
            RedirectAttributes redirect) {
        try {
            byte[] bytes = photo == null ? new byte[0] : photo.getBytes();
            photos.attach(id, seen(version), bytes, photoAlt == null ? "" : photoAlt);
            redirect.addFlashAttribute("photoSaved", true);
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("photoError", violation.messageKey());
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("photoError", "error.staleEdit");
        } catch (IOException unreadable) {
            redirect.addFlashAttribute("photoError", "community.error.photoType");
        }
        return "redirect:/community/activities/" + id + "#photo";
    }

    @PostMapping("/community/activities/{id}/photo/remove")
    String remove(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String version,
            RedirectAttributes redirect) {
        try {
            photos.remove(id, seen(version));
            redirect.addFlashAttribute("photoRemoved", true);
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("photoError", "error.staleEdit");
        }
        return "redirect:/community/activities/" + id + "#photo";
    }

    /** The desk's preview: private, never stored by a shared cache. */
    @GetMapping("/community/photos/{id}")
    ResponseEntity<byte[]> deskPhoto(@PathVariable("id") UUID photoId) {
        ActivityPhotos.Photo p =
                photos.forDesk(photoId).orElseThrow(() -> new NotFoundException("community-photo", photoId));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(p.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .body(p.bytes());
    }

    /** Residents' copy of a published photo: no login, no session, cacheable for a day. */
    @GetMapping("/public/photos/{id}")
    ResponseEntity<byte[]> publicPhoto(@PathVariable("id") String photoId, HttpServletResponse response) {
        UUID id = PublicController.uuid(photoId);
        ActivityPhotos.Photo p = (id == null ? java.util.Optional.<ActivityPhotos.Photo>empty() : photos.published(id))
                .orElseThrow(() -> new NotFoundException("community-photo", photoId));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
                .eTag("\"" + p.id() + "\"")
                .contentType(MediaType.parseMediaType(p.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .body(p.bytes());
    }

    private static int seen(@Nullable String version) {
        try {
            return version == null ? -1 : Integer.parseInt(version.strip());
        } catch (NumberFormatException bad) {
            return -1;
        }
    }
}
