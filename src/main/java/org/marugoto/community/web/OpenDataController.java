package org.marugoto.community.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.marugoto.community.domain.Activity;
import org.marugoto.community.domain.ActivityFinder;
import org.marugoto.community.domain.Schedule;
import org.marugoto.shared.Japan;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.Tenancy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open data: the published places and activities as CSV and JSON under CC BY 4.0, and an iCalendar feed of each
 * activity's next dates. Published entries only, and only what their pages show.
 */
@Controller
class OpenDataController {

    static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";
    private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final ActivityFinder finder;
    private final JsonMapper json;
    private final Tenancy tenancy;

    OpenDataController(ActivityFinder finder, JsonMapper json, Tenancy tenancy) {
        this.finder = finder;
        this.json = json;
        this.tenancy = tenancy;
    }

    @GetMapping("/public/open-data")
    String page(Model model, HttpServletResponse response) {
        PublicController.cacheable(response);
        model.addAttribute("license", LICENSE);
        model.addAttribute(
                "count", finder.search(ActivityFinder.Criteria.none()).size());
        return "community/public/open-data";
    }

    @GetMapping("/public/open-data/activities.csv")
    ResponseEntity<byte[]> csv() {
        Map<UUID, String> areas = finder.areaNames();
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(",", COLUMNS)).append("\r\n");
        for (Map<String, Object> row : rows(areas)) {
            List<String> cells = COLUMNS.stream()
                    .map(c -> cell(String.valueOf(row.getOrDefault(c, ""))))
                    .toList();
            out.append(String.join(",", cells)).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"community-activities.csv\"")
                .header(HttpHeaders.LINK, "<" + LICENSE + ">; rel=\"license\"")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/public/open-data/activities.json")
    ResponseEntity<String> json() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("publisher", tenancy.municipalityName());
        document.put("license", LICENSE);
        document.put("licenseName", "CC BY 4.0");
        document.put("generated", LocalDate.now(Japan.ZONE).toString());
        document.put("activities", rows(finder.areaNames()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.LINK, "<" + LICENSE + ">; rel=\"license\"")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .body(json.writeValueAsString(document));
    }

    /** The activity's dates for the next twelve months (cancelled ones left out), one event each. */
    @GetMapping("/public/activities/{id}/calendar.ics")
    ResponseEntity<String> ics(@PathVariable String id) {
        UUID uuid = PublicController.uuid(id);
        Activity a = (uuid == null ? java.util.Optional.<Activity>empty() : finder.published(uuid))
                .orElseThrow(() -> new NotFoundException("community-activity", id));
        LocalDate today = finder.today();
        String stamp = ICS_UTC.format(ZonedDateTime.now(ZoneOffset.UTC));
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Marugoto//Community activities//JA");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:" + text(a.name()));
        for (Schedule.Occurrence o : a.schedule().between(today, today.plusMonths(12))) {
            if (o.cancelled()) {
                continue;
            }
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + a.id() + "-" + o.date() + "@marugoto");
            line(ics, "DTSTAMP:" + stamp);
            line(ics, "DTSTART:" + utc(o.date(), o.start()));
            line(ics, "DTEND:" + utc(o.date(), o.end()));
            line(ics, "SUMMARY:" + text(a.name()));
            line(ics, "LOCATION:" + text(a.venue() + " " + a.address()));
            line(ics, "DESCRIPTION:" + text(a.description()));
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"activity-" + a.id() + ".ics\"")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .body(ics.toString());
    }

    static final List<String> COLUMNS = List.of(
            "id",
            "name",
            "name_kana",
            "kind",
            "volunteer",
            "group",
            "area",
            "venue",
            "address",
            "directions",
            "schedule",
            "weekdays",
            "start_time",
            "end_time",
            "targets",
            "cost_yen",
            "capacity",
            "step_free",
            "accessible_toilet",
            "parking",
            "languages",
            "contact_phone",
            "contact_email",
            "status",
            "last_confirmed");

    private List<Map<String, Object>> rows(Map<UUID, String> areas) {
        return finder.search(ActivityFinder.Criteria.none()).stream()
                .map(a -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", a.id().toString());
                    row.put("name", a.name());
                    row.put("name_kana", a.nameKana() == null ? "" : a.nameKana());
                    row.put("kind", a.kind().name());
                    row.put("volunteer", a.volunteer());
                    row.put("group", a.groupName());
                    row.put("area", areas.getOrDefault(a.areaId(), ""));
                    row.put("venue", a.venue());
                    row.put("address", a.address());
                    row.put("directions", a.directions() == null ? "" : a.directions());
                    row.put("schedule", a.schedule().describe(Locale.JAPANESE));
                    row.put("weekdays", a.schedule().weekdayCodes());
                    row.put("start_time", a.schedule().start().toString());
                    row.put("end_time", a.schedule().end().toString());
                    row.put(
                            "targets",
                            String.join(
                                    " ", a.targets().stream().map(Enum::name).toList()));
                    row.put("cost_yen", a.costYen() == null ? 0 : a.costYen());
                    row.put("capacity", a.capacity() == null ? "" : a.capacity());
                    row.put("step_free", a.stepFree());
                    row.put("accessible_toilet", a.accessibleToilet());
                    row.put("parking", a.parking());
                    row.put("languages", String.join(" ", a.languages()));
                    row.put("contact_phone", a.contactPhone() == null ? "" : a.contactPhone());
                    row.put("contact_email", a.contactEmail() == null ? "" : a.contactEmail());
                    row.put("status", a.status().name());
                    row.put(
                            "last_confirmed",
                            LocalDate.ofInstant(a.confirmedAt(), Japan.ZONE).toString());
                    return row;
                })
                .toList();
    }

    /** A CSV cell, quoted; a leading = + - @ is prefixed so that a spreadsheet does not run it as a formula. */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static String utc(LocalDate date, java.time.LocalTime time) {
        return ICS_UTC.format(date.atTime(time).atZone(Japan.ZONE).withZoneSameInstant(ZoneOffset.UTC));
    }

    /** RFC 5545 text: backslash, semicolon, comma and newlines escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** A content line, folded at 75 octets (continuation lines begin with a space). */
    private static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            out.append(content).append("\r\n");
            return;
        }
        int octets = 0;
        StringBuilder current = new StringBuilder();
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(current).append("\r\n ");
                current.setLength(0);
                octets = 0;
                limit = 74;
            }
            current.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append(current).append("\r\n");
    }
}
