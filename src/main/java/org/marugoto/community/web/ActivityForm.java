package org.marugoto.community.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.marugoto.community.domain.Activity;
import org.marugoto.community.domain.ActivityCommand;
import org.marugoto.community.domain.ActivityKind;
import org.marugoto.community.domain.ActivityStatus;
import org.marugoto.community.domain.Schedule;
import org.marugoto.community.domain.ScheduleKind;
import org.marugoto.community.domain.Target;
import org.springframework.validation.BindingResult;

/**
 * An activity as typed: every value as text (so that a wrong number is a message at its field, not a failed
 * binding), turned into a command by {@link #toCommand}.
 */
record ActivityForm(
        @Nullable String version,
        @Nullable String groupId,
        @Nullable String kind,
        @Nullable String volunteer,
        @NotBlank @Size(max = 200) @Nullable String name,
        @Size(max = 300) @Nullable String nameKana,
        @NotBlank @Size(max = 2000) @Nullable String description,
        @Size(max = 1000) @Nullable String helpWanted,
        @Nullable String areaId,
        @NotBlank @Size(max = 200) @Nullable String venue,
        @NotBlank @Size(max = 300) @Nullable String address,
        @Size(max = 1000) @Nullable String directions,
        @Nullable List<String> targets,
        @Size(max = 10) @Nullable String costYen,
        @Size(max = 200) @Nullable String costNote,
        @Size(max = 10) @Nullable String capacity,
        @Nullable String stepFree,
        @Nullable String accessibleToilet,
        @Nullable String parking,
        @Nullable List<String> languages,
        @Size(max = 100) @Nullable String contactName,
        @Size(max = 30) @Nullable String contactPhone,
        @Email @Size(max = 200) @Nullable String contactEmail,
        @Nullable String scheduleKind,
        @Nullable List<String> weekdays,
        @Nullable List<String> nthWeeks,
        @Nullable String startTime,
        @Nullable String endTime,
        @Size(max = 1000) @Nullable String cancelledDates,
        @Size(max = 300) @Nullable String scheduleNote,
        @Nullable String status) {

    static final List<String> LANGUAGES = List.of("ja", "en", "zh", "ko", "vi", "pt", "easy-ja");

    static ActivityForm blank(@Nullable UUID groupId) {
        return new ActivityForm(
                "0",
                groupId == null ? null : groupId.toString(),
                ActivityKind.SALON.name(),
                null,
                "",
                "",
                "",
                "",
                null,
                "",
                "",
                "",
                List.of(Target.ANYONE.name()),
                "",
                "",
                "",
                null,
                null,
                null,
                List.of("ja"),
                "",
                "",
                "",
                ScheduleKind.WEEKLY.name(),
                List.of(),
                List.of(),
                "10:00",
                "12:00",
                "",
                "",
                ActivityStatus.OPEN.name());
    }

    static ActivityForm of(Activity a) {
        Schedule s = a.schedule();
        return new ActivityForm(
                String.valueOf(a.version()),
                a.groupId().toString(),
                a.kind().name(),
                a.volunteer() ? "true" : null,
                a.name(),
                nz(a.nameKana()),
                a.description(),
                nz(a.helpWanted()),
                a.areaId().toString(),
                a.venue(),
                a.address(),
                nz(a.directions()),
                a.targets().stream().map(Enum::name).toList(),
                a.costYen() == null ? "" : a.costYen().toString(),
                nz(a.costNote()),
                a.capacity() == null ? "" : a.capacity().toString(),
                a.stepFree() ? "true" : null,
                a.accessibleToilet() ? "true" : null,
                a.parking() ? "true" : null,
                List.copyOf(a.languages()),
                nz(a.contactName()),
                nz(a.contactPhone()),
                nz(a.contactEmail()),
                s.kind().name(),
                s.weekdays().stream().sorted().map(Enum::name).toList(),
                s.nthWeeks().stream().map(String::valueOf).toList(),
                s.start().toString(),
                s.end().toString(),
                s.cancelled().stream().map(LocalDate::toString).collect(Collectors.joining("\n")),
                nz(s.note()),
                a.status().name());
    }

    int versionNumber() {
        try {
            return Integer.parseInt(nz(version));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public List<String> targetList() {
        return targets == null ? List.of() : targets;
    }

    public List<String> languageList() {
        return languages == null ? List.of() : languages;
    }

    public List<String> weekdayList() {
        return weekdays == null ? List.of() : weekdays;
    }

    public List<String> weekList() {
        return nthWeeks == null ? List.of() : nthWeeks;
    }

    /** The command, or null after rejecting the fields that are wrong. */
    @Nullable
    ActivityCommand toCommand(BindingResult result) {
        UUID group = uuid(groupId, "groupId", result);
        UUID area = uuid(areaId, "areaId", result);
        ActivityKind k = enumValue(ActivityKind.class, kind, "kind", result);
        ActivityStatus st = enumValue(ActivityStatus.class, status, "status", result);
        ScheduleKind sk = enumValue(ScheduleKind.class, scheduleKind, "scheduleKind", result);
        Set<Target> targetSet = EnumSet.noneOf(Target.class);
        for (String t : targetList()) {
            Target target = enumValue(Target.class, t, "targets", result);
            if (target != null) {
                targetSet.add(target);
            }
        }
        if (targetSet.isEmpty() && !result.hasFieldErrors("targets")) {
            result.rejectValue("targets", "community.error.targets");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : weekdayList()) {
            DayOfWeek day = enumValue(DayOfWeek.class, d, "weekdays", result);
            if (day != null) {
                days.add(day);
            }
        }
        if (days.isEmpty() && !result.hasFieldErrors("weekdays")) {
            result.rejectValue("weekdays", "community.error.weekdays");
        }
        List<Integer> weeks = new ArrayList<>();
        for (String w : weekList()) {
            try {
                int n = Integer.parseInt(w);
                if (n < 1 || n > Schedule.LAST) {
                    throw new NumberFormatException();
                }
                weeks.add(n);
            } catch (NumberFormatException e) {
                result.rejectValue("nthWeeks", "community.error.weeks");
            }
        }
        if (sk == ScheduleKind.MONTHLY && weeks.isEmpty() && !result.hasFieldErrors("nthWeeks")) {
            result.rejectValue("nthWeeks", "community.error.weeks");
        }
        LocalTime from = time(startTime, "startTime", result);
        LocalTime to = time(endTime, "endTime", result);
        if (from != null && to != null && !from.isBefore(to)) {
            result.rejectValue("endTime", "community.error.endTime");
        }
        SortedSet<LocalDate> cancelled = new TreeSet<>();
        for (String line : nz(cancelledDates).split("[\\s,、]+")) {
            if (!line.isBlank()) {
                try {
                    cancelled.add(LocalDate.parse(line.strip().replace('/', '-')));
                } catch (DateTimeException e) {
                    result.rejectValue("cancelledDates", "community.error.dates");
                    break;
                }
            }
        }
        Integer cost = number(costYen, "costYen", 0, result);
        Integer cap = number(capacity, "capacity", 1, result);
        Set<String> langs = new LinkedHashSet<>();
        for (String l : languageList()) {
            if (LANGUAGES.contains(l)) {
                langs.add(l);
            }
        }
        if (langs.isEmpty()) {
            langs.add("ja");
        }
        if (result.hasErrors()
                || group == null
                || area == null
                || k == null
                || st == null
                || sk == null
                || from == null
                || to == null) {
            return null;
        }
        return new ActivityCommand(
                group,
                k,
                "true".equals(volunteer),
                nz(name),
                nameKana,
                nz(description),
                helpWanted,
                area,
                nz(venue),
                nz(address),
                directions,
                targetSet,
                cost,
                costNote,
                cap,
                "true".equals(stepFree),
                "true".equals(accessibleToilet),
                "true".equals(parking),
                langs,
                contactName,
                contactPhone,
                contactEmail,
                new Schedule(
                        sk, days, sk == ScheduleKind.MONTHLY ? weeks : List.of(), from, to, cancelled, scheduleNote),
                st);
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static @Nullable UUID uuid(@Nullable String text, String field, BindingResult result) {
        try {
            return UUID.fromString(nz(text).strip());
        } catch (IllegalArgumentException e) {
            result.rejectValue(field, "community.error." + field);
            return null;
        }
    }

    private static <E extends Enum<E>> @Nullable E enumValue(
            Class<E> type, @Nullable String text, String field, BindingResult result) {
        try {
            return Enum.valueOf(type, nz(text).strip());
        } catch (IllegalArgumentException e) {
            if (!result.hasFieldErrors(field)) {
                result.rejectValue(field, "community.error.choose");
            }
            return null;
        }
    }

    private static @Nullable LocalTime time(@Nullable String text, String field, BindingResult result) {
        try {
            return LocalTime.parse(nz(text).strip());
        } catch (DateTimeException e) {
            result.rejectValue(field, "community.error.time");
            return null;
        }
    }

    private static @Nullable Integer number(@Nullable String text, String field, int min, BindingResult result) {
        String t = java.text.Normalizer.normalize(nz(text), java.text.Normalizer.Form.NFKC)
                .strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(t.replace(",", ""));
            if (n < min || n > 1_000_000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            result.rejectValue(field, "community.error.number");
            return null;
        }
    }
}
