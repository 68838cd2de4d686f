package org.marugoto.community.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.community.domain.Activity;
import org.marugoto.community.domain.ActivityFinder;
import org.marugoto.community.domain.ActivityFinder.Criteria;
import org.marugoto.community.domain.ActivityKind;
import org.marugoto.community.domain.ActivityStatus;
import org.marugoto.community.domain.HelpFinder;
import org.marugoto.community.domain.InterestService;
import org.marugoto.community.domain.Target;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.text.Texts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The residents' pages, without login and without a session: find places, activities and volunteer opportunities
 * (by 小学校区 or town, kind, weekday, target, free), this week's dates, a month's calendar, each entry's page, help by
 * situation, and the interest form. Only published entries and directory data; nothing about any person, so a page
 * never tells whether someone is known to an agency. Pages may be cached for five minutes; the language and ふりがな
 * choices are cookies, hence {@code Vary: Cookie}.
 */
@Controller
class PublicController {

    static final String RUBY_COOKIE = "MARUGOTO_RUBY";

    /** The interest form; {@code website} is a honeypot that people never see or fill in. */
    record InterestForm(
            @Nullable String token,
            @Size(max = 100) @Nullable String name,
            @Size(max = 200) @Nullable String contact,
            @Size(max = 1000) @Nullable String message,
            @Nullable String website) {

        static InterestForm blank(String token) {
            return new InterestForm(token, "", "", "", "");
        }
    }

    private final ActivityFinder finder;
    private final HelpFinder help;
    private final InterestService interests;
    private final InterestFormTokens tokens;
    private final org.marugoto.community.domain.IssueService issues;

    PublicController(
            ActivityFinder finder,
            HelpFinder help,
            InterestService interests,
            InterestFormTokens tokens,
            org.marugoto.community.domain.IssueService issues) {
        this.issues = issues;
        this.finder = finder;
        this.help = help;
        this.interests = interests;
        this.tokens = tokens;
    }

    @GetMapping("/public")
    String home(@RequestParam(required = false) @Nullable String area, Model model, HttpServletResponse response) {
        Criteria criteria = new Criteria(uuid(area), null, null, null, null, false, false);
        cacheable(response);
        searchForm(model, criteria);
        model.addAttribute("week", finder.thisWeek(criteria).stream().limit(12).toList());
        model.addAttribute("situations", HelpFinder.Situation.values());
        return "community/public/home";
    }

    @GetMapping("/public/activities")
    String search(
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String town,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String day,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable String free,
            @RequestParam(required = false) @Nullable String volunteer,
            Model model,
            HttpServletResponse response) {
        Criteria criteria = criteria(area, town, kind, day, target, free, volunteer);
        cacheable(response);
        searchForm(model, criteria);
        model.addAttribute("results", finder.search(criteria));
        model.addAttribute("week", finder.thisWeek(criteria));
        return "community/public/results";
    }

    @GetMapping("/public/calendar")
    String calendar(
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String target,
            Model model,
            HttpServletResponse response) {
        YearMonth shown = YearMonth.from(finder.today());
        if (month != null) {
            try {
                shown = YearMonth.parse(month.strip());
            } catch (DateTimeParseException ignored) {
                // the current month
            }
        }
        Criteria criteria = criteria(area, null, kind, null, target, null, null);
        cacheable(response);
        searchForm(model, criteria);
        List<ActivityFinder.Dated> dates = finder.month(criteria, shown);
        Map<LocalDate, List<ActivityFinder.Dated>> byDate = new LinkedHashMap<>();
        for (ActivityFinder.Dated d : dates) {
            byDate.computeIfAbsent(d.occurrence().date(), k -> new ArrayList<>())
                    .add(d);
        }
        model.addAttribute("month", shown);
        model.addAttribute("previous", shown.minusMonths(1));
        model.addAttribute("next", shown.plusMonths(1));
        model.addAttribute("byDate", byDate);
        model.addAttribute("weeks", weeks(shown));
        return "community/public/calendar";
    }

    @GetMapping("/public/activities/{id}")
    String activity(@PathVariable String id, Model model, HttpServletResponse response) {
        Activity activity = published(id);
        cacheable(response);
        model.addAttribute("activity", activity);
        model.addAttribute("next", activity.schedule().next(finder.today(), 6));
        model.addAttribute("areaNames", finder.areaNames());
        model.addAttribute("district", finder.schoolDistrictOf(activity.areaId()));
        model.addAttribute("confirmedOn", LocalDate.ofInstant(activity.confirmedAt(), org.marugoto.shared.Japan.ZONE));
        return "community/public/activity";
    }

    @GetMapping("/public/activities/{id}/interest")
    String interestForm(
            @PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
        Activity activity = published(id);
        if (activity.status() != ActivityStatus.OPEN) {
            throw new NotFoundException("community-activity", id);
        }
        response.setHeader("Cache-Control", "no-store");
        return interestPage(model, activity, InterestForm.blank(""), tokens.issue(activity.id(), request, response));
    }

    @PostMapping("/public/activities/{id}/interest")
    String sendInterest(
            @PathVariable String id,
            @Validated @ModelAttribute("form") InterestForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Activity activity = published(id);
        if (activity.status() != ActivityStatus.OPEN) {
            throw new NotFoundException("community-activity", id);
        }
        response.setHeader("Cache-Control", "no-store");
        if (!tokens.valid(form.token(), activity.id(), request)) {
            // an old page, a blocked cookie or another site posting: a new form, nothing sent
            result.reject("public.interest.expired");
            return interestPage(model, activity, form, tokens.issue(activity.id(), request, response));
        }
        if (form.website() != null && !form.website().isBlank()) {
            // the honeypot was filled in: a robot. It is told what a person would be told; nothing is kept.
            return "redirect:/public/activities/" + activity.id() + "/interest/sent";
        }
        if (blank(form.name())) {
            result.rejectValue("name", "public.interest.error.name");
        }
        if (blank(form.contact())) {
            result.rejectValue("contact", "public.interest.error.contact");
        }
        if (blank(form.message())) {
            result.rejectValue("message", "public.interest.error.message");
        }
        if (result.hasErrors()) {
            return interestPage(model, activity, form, form.token());
        }
        try {
            interests.submit(
                    activity.id(),
                    Texts.orEmpty(form.name()),
                    Texts.orEmpty(form.contact()),
                    Texts.orEmpty(form.message()),
                    request.getRemoteAddr());
        } catch (RuleViolation tooMany) {
            result.reject(tooMany.messageKey());
            return interestPage(model, activity, form, form.token());
        }
        return "redirect:/public/activities/" + activity.id() + "/interest/sent";
    }

    @GetMapping("/public/activities/{id}/interest/sent")
    String interestSent(@PathVariable String id, Model model, HttpServletResponse response) {
        Activity activity = published(id);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("activity", activity);
        model.addAttribute("retentionDays", interests.retention().toDays());
        return "community/public/interest-sent";
    }

    @GetMapping("/public/help")
    String help(Model model, HttpServletResponse response) {
        cacheable(response);
        model.addAttribute("situations", HelpFinder.Situation.values());
        return "community/public/help";
    }

    @GetMapping("/public/help/{situation}")
    String helpFor(@PathVariable String situation, Model model, HttpServletResponse response) {
        HelpFinder.Situation s;
        try {
            s = HelpFinder.Situation.valueOf(situation);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("situation", situation);
        }
        cacheable(response);
        model.addAttribute("situation", s);
        model.addAttribute("helps", help.forSituation(s));
        return "community/public/help-situation";
    }

    /** What area meetings decided and chose to tell residents (title, area, feedback; never the figures). */
    @GetMapping("/public/issues")
    String issues(Model model, HttpServletResponse response) {
        cacheable(response);
        model.addAttribute("issues", issues.publishedFeedback());
        model.addAttribute("areaNames", finder.areaNames());
        return "community/public/issues";
    }

    /** Turns ふりがな on or off (a cookie, no session) and goes back to the page. */
    @GetMapping("/public/furigana")
    String furigana(
            @RequestParam(defaultValue = "true") boolean on,
            @RequestParam(defaultValue = "/public") String back,
            HttpServletResponse response) {
        Cookie cookie = new Cookie(RUBY_COOKIE, on ? "1" : "0");
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        cookie.setSecure(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        response.setHeader("Cache-Control", "no-store");
        boolean local = (back.equals("/") || back.startsWith("/public"))
                && !back.startsWith("//")
                && !back.contains("\\")
                && back.chars().noneMatch(Character::isISOControl);
        return "redirect:" + (local ? back : "/public");
    }

    private String interestPage(Model model, Activity activity, InterestForm form, @Nullable String token) {
        model.addAttribute("activity", activity);
        model.addAttribute("form", form);
        model.addAttribute("token", token);
        model.addAttribute("retentionDays", interests.retention().toDays());
        return "community/public/interest";
    }

    private Activity published(String id) {
        UUID uuid = uuid(id);
        if (uuid == null) {
            throw new NotFoundException("community-activity", id);
        }
        return finder.published(uuid).orElseThrow(() -> new NotFoundException("community-activity", id));
    }

    private void searchForm(Model model, Criteria criteria) {
        model.addAttribute("criteria", criteria);
        model.addAttribute("districts", finder.schoolDistricts());
        model.addAttribute("kinds", ActivityKind.values());
        model.addAttribute("targets", Target.values());
        model.addAttribute("weekdays", DayOfWeek.values());
        model.addAttribute("today", finder.today());
        model.addAttribute("areaNames", finder.areaNames());
    }

    static Criteria criteria(
            @Nullable String area,
            @Nullable String town,
            @Nullable String kind,
            @Nullable String day,
            @Nullable String target,
            @Nullable String free,
            @Nullable String volunteer) {
        return new Criteria(
                uuid(area),
                town == null || town.isBlank()
                        ? null
                        : town.strip().substring(0, Math.min(50, town.strip().length())),
                enumOrNull(ActivityKind.class, kind),
                enumOrNull(DayOfWeek.class, day),
                enumOrNull(Target.class, target),
                "true".equals(free),
                "true".equals(volunteer));
    }

    /** The month as weeks from Monday; days outside the month are null. */
    static List<List<@Nullable LocalDate>> weeks(YearMonth month) {
        List<List<@Nullable LocalDate>> weeks = new ArrayList<>();
        LocalDate first = month.atDay(1);
        int lead = first.getDayOfWeek().getValue() - 1;
        List<@Nullable LocalDate> week = new ArrayList<>();
        for (int i = 0; i < lead; i++) {
            week.add(null);
        }
        for (LocalDate d = first; !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            week.add(d);
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(null);
            }
            weeks.add(week);
        }
        return weeks;
    }

    static void cacheable(HttpServletResponse response) {
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("Vary", "Cookie");
    }

    static @Nullable UUID uuid(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> @Nullable E enumOrNull(Class<E> type, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
