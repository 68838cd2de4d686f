package org.marugoto.statistics.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Colleagues;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.casework.CaseStatistics;
import org.marugoto.community.CommunityStatistics;
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.consultation.ConsultationStatistics;
import org.marugoto.consultation.IssueCodeView;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.outreach.OutreachStatistics;
import org.marugoto.participation.ParticipationStatistics;
import org.marugoto.referral.ReferralStatistics;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CountScope;
import org.marugoto.shared.Japan;
import org.marugoto.watch.ConcernStatistics;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the reports from the modules' count-only APIs, decides which scopes a person may choose, and records every
 * look and every download in the audit trail. Names agencies, areas and codes, never a person or a household.
 */
@Service
public class StatisticsService {

    /** Counts below this (1 to 4) are hidden where they are by area. */
    public static final int SMALL = 5;

    /** The audit record type of a statistics read or download (no record id: statistics name no record). */
    public static final String RECORD_TYPE = "statistics";

    /** The reports, in the order the page shows them. */
    public static final List<String> REPORTS = List.of(
            "consultations-issue",
            "consultations-channel",
            "consultations-agency",
            "consultations-area",
            "households-issues",
            "referrals",
            "cases",
            "meetings",
            "outreach",
            "participation",
            "consultations-consulter",
            "consultations-response",
            "consultations-sex",
            "consultations-age",
            "referrals-answer",
            "referrals-complete",
            "case-durations",
            "outreach-contact",
            "concerns");

    private final ConsultationStatistics consultations;
    private final ConsultationApi consultationApi;
    private final CaseStatistics cases;
    private final ReferralStatistics referrals;
    private final OutreachStatistics outreach;
    private final ParticipationStatistics participation;
    private final ConcernStatistics concerns;
    private final CommunityStatistics community;
    private final AreaApi areas;
    private final DirectoryApi directory;
    private final Colleagues colleagues;
    private final AuditApi audit;
    private final MessageSource messages;
    private final Clock clock;

    StatisticsService(
            ConsultationStatistics consultations,
            ConsultationApi consultationApi,
            CaseStatistics cases,
            ReferralStatistics referrals,
            OutreachStatistics outreach,
            ParticipationStatistics participation,
            ConcernStatistics concerns,
            CommunityStatistics community,
            AreaApi areas,
            DirectoryApi directory,
            Colleagues colleagues,
            AuditApi audit,
            MessageSource messages,
            Clock clock) {
        this.consultations = consultations;
        this.consultationApi = consultationApi;
        this.cases = cases;
        this.referrals = referrals;
        this.outreach = outreach;
        this.participation = participation;
        this.concerns = concerns;
        this.community = community;
        this.areas = areas;
        this.directory = directory;
        this.colleagues = colleagues;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Japan.ZONE));
    }

    /** The period a code names, else this fiscal year. */
    public Period period(@Nullable String code) {
        return Period.parse(code).orElseGet(() -> Period.fiscalYear(Period.fiscalYearOf(today())));
    }

    /** Whether a person may see the statistics at all: coordinators, supervisors and planners. */
    public static boolean mayRead(Actor actor) {
        Set<String> roles = actor.roleNames();
        return roles.contains("MUNICIPAL_COORDINATOR")
                || roles.contains("AGENCY_SUPERVISOR")
                || roles.contains("PLANNER");
    }

    /**
     * The scopes a person may choose: the city, every area, and the agencies: all of them for coordinators and
     * planners, a supervisor's own agency for a supervisor.
     */
    public List<ScopeChoice> scopes(Actor actor, Locale locale) {
        List<ScopeChoice> scopes = new ArrayList<>();
        scopes.add(city(locale));
        List<AreaView> tree = areas.tree();
        for (AreaView a : tree) {
            scopes.add(new ScopeChoice(
                    "area:" + a.id(),
                    msg("statistics.scope.area", locale, a.name()),
                    CountScope.areas(subtree(tree, a.id()))));
        }
        boolean all = actor.roleNames().contains("MUNICIPAL_COORDINATOR")
                || actor.roleNames().contains("PLANNER");
        for (AgencyView agency : directory.agencies()) {
            if (all || agency.id().equals(actor.agencyId())) {
                scopes.add(new ScopeChoice(
                        "agency:" + agency.id(),
                        msg("statistics.scope.agency", locale, agency.name()),
                        CountScope.agency(agency.id())));
            }
        }
        return scopes;
    }

    /**
     * The scope a code names, if the person may choose it; the city for no code or one that names nothing; refused
     * (403) for an agency the person may not see.
     */
    public ScopeChoice scope(Actor actor, @Nullable String code, Locale locale) {
        if (code == null || code.isBlank() || code.equals("city")) {
            return city(locale);
        }
        Optional<ScopeChoice> choice = scopes(actor, locale).stream()
                .filter(s -> s.code().equals(code.strip()))
                .findFirst();
        if (choice.isEmpty() && code.startsWith("agency:")) {
            throw new AccessDeniedException("statistics of another agency");
        }
        return choice.orElseGet(() -> city(locale));
    }

    private ScopeChoice city(Locale locale) {
        return new ScopeChoice("city", msg("statistics.scope.city", locale), CountScope.city());
    }

    /** An area and every area under it. */
    static List<UUID> subtree(List<AreaView> tree, UUID root) {
        Set<UUID> ids = new HashSet<>();
        ids.add(root);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (AreaView a : tree) {
                UUID parent = a.parentId();
                if (parent != null && ids.contains(parent) && ids.add(a.id())) {
                    grew = true;
                }
            }
        }
        return tree.stream().map(AreaView::id).filter(ids::contains).toList();
    }

    /** Every report for the period and scope. Not audited: the caller records what was shown. */
    @Transactional(readOnly = true)
    public List<Report> reports(Period period, ScopeChoice scope, Locale locale) {
        return REPORTS.stream().map(k -> build(k, period, scope, locale)).toList();
    }

    /** One report by its key, if there is such a report. */
    @Transactional(readOnly = true)
    public Optional<Report> report(String key, Period period, ScopeChoice scope, Locale locale) {
        return REPORTS.contains(key) ? Optional.of(build(key, period, scope, locale)) : Optional.empty();
    }

    /** Records a look at the reports or a download of one (no personal data: the period, the scope, the report). */
    public void audit(
            AuditAction action, Period period, ScopeChoice scope, @Nullable String report, @Nullable String format) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("period", period.code());
        details.put("scope", scope.code());
        if (report != null) {
            details.put("report", report);
        }
        if (format != null) {
            details.put("format", format);
        }
        audit.record(new AuditEntry(action, RECORD_TYPE, null, "statistics", details));
    }

    /**
     * The consultation reports that count by a key named by a message of its own: the key, the row header, the prefix of
     * the key's message.
     */
    private record ByCode(ConsultationStatistics.By by, String rowHeader, String names) {}

    private static final Map<String, ByCode> BY_CODE = Map.of(
            "consultations-channel",
            new ByCode(ConsultationStatistics.By.CHANNEL, "statistics.row.channel", "consultation.channel."),
            "consultations-consulter",
            new ByCode(ConsultationStatistics.By.CONSULTER_TYPE, "statistics.row.consulter", "consultation.consulter."),
            "consultations-response",
            new ByCode(ConsultationStatistics.By.FIRST_RESPONSE, "statistics.row.response", "consultation.response."));

    private Report build(String key, Period period, ScopeChoice scope, Locale locale) {
        LocalDate from = period.from();
        LocalDate to = period.to();
        CountScope cs = scope.scope();
        boolean small = scope.byArea();
        ByCode byCode = BY_CODE.get(key);
        if (byCode != null) {
            return counts(
                    key,
                    locale,
                    byCode.rowHeader(),
                    consultations.consultationsBy(byCode.by(), cs, from, to),
                    k -> msg(byCode.names() + k, locale),
                    small,
                    "");
        }
        return switch (key) {
            case "consultations-issue" -> {
                Map<String, IssueCodeView> names = consultationApi.issueCodesByCode();
                yield counts(
                        key,
                        locale,
                        "statistics.row.issue",
                        consultations.consultationsBy(ConsultationStatistics.By.ISSUE, cs, from, to),
                        k -> {
                            IssueCodeView issue = names.get(k);
                            return issue == null ? k : issue.name(locale);
                        },
                        small,
                        msg("statistics.note.issue", locale));
            }
            case "consultations-agency" -> {
                Map<UUID, String> names = directory.agencyNames();
                yield counts(
                        key,
                        locale,
                        "statistics.row.agency",
                        consultations.consultationsBy(ConsultationStatistics.By.AGENCY, cs, from, to),
                        k -> names.getOrDefault(UUID.fromString(k), k),
                        small,
                        "");
            }
            case "consultations-area" -> areaReport(key, period, scope, locale);
            case "households-issues" -> {
                ConsultationStatistics.HouseholdIssues h = consultations.householdsWithIssues(cs, from, to);
                Double share = h.households() == 0 || (small && h.households() < SMALL)
                        ? null
                        : Math.round(1000.0 * h.withSeveralIssues() / h.households()) / 10.0;
                boolean hideShare = small && h.withSeveralIssues() > 0 && h.withSeveralIssues() < SMALL;
                List<Report.Row> rows = List.of(
                        new Report.Row(
                                msg("statistics.households.consulted", locale),
                                List.of(Report.Cell.count(h.households(), small)),
                                true),
                        new Report.Row(
                                msg("statistics.households.several", locale),
                                List.of(Report.Cell.count(h.withSeveralIssues(), small)),
                                true),
                        new Report.Row(
                                msg("statistics.households.share", locale),
                                List.of(hideShare ? new Report.Cell(null, true, false) : Report.Cell.measure(share)),
                                false));
                yield report(
                        key,
                        locale,
                        "statistics.row.households",
                        List.of("statistics.column.households"),
                        h.households() == 0 ? List.of() : rows,
                        small,
                        msg("statistics.note.households", locale));
            }
            case "referrals" -> {
                Map<UUID, String> names = directory.agencyNames();
                List<Report.Row> rows = new ArrayList<>();
                for (ReferralStatistics.Flow f : referrals.flows(cs, from, to)) {
                    boolean hideMedian = small && f.answered() < SMALL;
                    rows.add(new Report.Row(
                            msg(
                                    "statistics.referrals.pair",
                                    locale,
                                    names.getOrDefault(f.fromAgencyId(), "?"),
                                    names.getOrDefault(f.toAgencyId(), "?")),
                            List.of(
                                    Report.Cell.count(f.sent(), small),
                                    Report.Cell.count(f.accepted(), small),
                                    Report.Cell.count(f.completed(), small),
                                    Report.Cell.count(f.declined(), small),
                                    Report.Cell.count(f.withdrawn(), small),
                                    Report.Cell.count(f.waiting(), small),
                                    hideMedian && f.answered() > 0
                                            ? new Report.Cell(null, true, false)
                                            : Report.Cell.measure(f.medianDaysToAnswer()),
                                    Report.Cell.count(f.overdue(), small)),
                            true));
                }
                yield report(
                        key,
                        locale,
                        "statistics.row.referralPair",
                        List.of(
                                "statistics.referrals.sent",
                                "statistics.referrals.accepted",
                                "statistics.referrals.completed",
                                "statistics.referrals.declined",
                                "statistics.referrals.withdrawn",
                                "statistics.referrals.waiting",
                                "statistics.referrals.medianDays",
                                "statistics.referrals.overdue"),
                        rows,
                        small,
                        msg("statistics.note.referrals", locale));
            }
            case "cases" -> {
                CaseStatistics.CaseFlow flow = cases.caseFlow(cs, from, to);
                List<Report.Row> rows = new ArrayList<>();
                rows.add(row(msg("statistics.cases.opened", locale), flow.opened(), small));
                rows.add(row(msg("statistics.cases.closed", locale), flow.closed(), small));
                rows.add(row(msg("statistics.cases.reopened", locale), flow.reopened(), small));
                flow.openByStatus()
                        .forEach((status, n) -> rows.add(row(
                                msg("statistics.cases.open", locale, msg("case.status." + status, locale)), n, small)));
                yield report(
                        key,
                        locale,
                        "statistics.row.cases",
                        List.of("statistics.column.cases"),
                        rows,
                        small,
                        msg("statistics.note.cases", locale));
            }
            case "meetings" -> {
                List<Report.Row> rows = new ArrayList<>();
                cases.meetingsByKind(cs, from, to)
                        .forEach((kind, m) -> rows.add(new Report.Row(
                                msg("case.conference.kind." + kind, locale),
                                List.of(Report.Cell.count(m.held(), small), Report.Cell.count(m.notHeld(), small)),
                                true)));
                yield report(
                        key,
                        locale,
                        "statistics.row.meetingKind",
                        List.of("statistics.meetings.held", "statistics.meetings.notHeld"),
                        rows,
                        small,
                        msg("statistics.note.meetings", locale));
            }
            case "outreach" -> {
                List<Report.Row> rows = outreach.recordsByStage(cs, from, to).stream()
                        .map(s -> row(s.stage().label(locale), s.records(), small))
                        .toList();
                yield report(
                        key,
                        locale,
                        "statistics.row.stage",
                        List.of("statistics.column.records"),
                        rows,
                        small,
                        msg("statistics.note.outreach", locale));
            }
            case "participation" -> {
                List<Report.Row> rows = new ArrayList<>();
                participation
                        .matchesByStep(cs, from, to)
                        .forEach((step, n) -> rows.add(row(msg("participation.step." + step, locale), n, small)));
                yield report(
                        key,
                        locale,
                        "statistics.row.step",
                        List.of("statistics.column.matches"),
                        rows,
                        small,
                        msg("statistics.note.participation", locale));
            }
            case "consultations-sex" ->
                counts(
                        key,
                        locale,
                        "statistics.row.sex",
                        consultations.consultationsBy(ConsultationStatistics.By.SEX, cs, from, to),
                        k -> k.equals("NONE") ? msg("statistics.row.noPerson", locale) : msg("person.sex." + k, locale),
                        small,
                        msg("statistics.note.persons", locale));
            case "consultations-age" -> {
                Map<String, Long> byAge =
                        consultations.consultationsBy(ConsultationStatistics.By.AGE_GROUP, cs, from, to);
                Map<String, Long> ordered = new LinkedHashMap<>();
                for (String group : ConsultationStatistics.AGE_GROUPS) {
                    if (byAge.containsKey(group)) {
                        ordered.put(group, byAge.getOrDefault(group, 0L));
                    }
                }
                Report age = counts(
                        key,
                        locale,
                        "statistics.row.age",
                        ordered,
                        k -> msg("statistics.age." + k, locale),
                        small,
                        msg("statistics.note.age", locale));
                yield new Report(
                        age.key(),
                        age.title(),
                        age.rowHeader(),
                        age.columns(),
                        age.rows(),
                        age.suppressed(),
                        age.note(),
                        estimatedAges(cs, from, to, small, locale));
            }
            case "referrals-answer", "referrals-complete" -> {
                ReferralStatistics.Durations d = referrals.durations(cs, from, to);
                boolean answer = key.equals("referrals-answer");
                List<Report.Row> rows = new ArrayList<>();
                (answer ? d.toAnswer() : d.toComplete())
                        .forEach((bucket, n) -> rows.add(row(msg("statistics.days." + bucket, locale), n, small)));
                if (answer) {
                    rows.add(new Report.Row(
                            msg("statistics.referrals.overdue", locale),
                            List.of(Report.Cell.count(d.overdue(), small)),
                            false));
                    rows.add(new Report.Row(
                            msg("statistics.referrals.overdueUnanswered", locale),
                            List.of(Report.Cell.count(d.overdueUnanswered(), small)),
                            false));
                }
                long total = d.toAnswer().values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
                yield report(
                        key,
                        locale,
                        "statistics.row.days",
                        List.of("statistics.column.referrals"),
                        total == 0 ? List.of() : rows,
                        small,
                        msg("statistics.note." + key, locale));
            }
            case "case-durations" -> {
                CaseStatistics.CaseDurations d = cases.caseDurations(cs, from, to);
                List<Report.Row> rows = new ArrayList<>();
                for (String bucket : CaseStatistics.DURATION_BUCKETS) {
                    rows.add(new Report.Row(
                            msg("statistics.months." + bucket, locale),
                            List.of(
                                    Report.Cell.count(d.closed().getOrDefault(bucket, 0L), small),
                                    Report.Cell.count(d.open().getOrDefault(bucket, 0L), small)),
                            true));
                }
                rows.add(new Report.Row(
                        msg("statistics.cases.closedAfterReopening", locale),
                        List.of(Report.Cell.count(d.closedAfterReopening(), small), Report.Cell.measure(null)),
                        false));
                long total = d.closed().values().stream()
                                .mapToLong(Long::longValue)
                                .sum()
                        + d.open().values().stream().mapToLong(Long::longValue).sum();
                yield report(
                        key,
                        locale,
                        "statistics.row.duration",
                        List.of("statistics.cases.closedIn", "statistics.cases.openAtEnd"),
                        total == 0 ? List.of() : rows,
                        small,
                        msg("statistics.note.case-durations", locale));
            }
            case "outreach-contact" -> {
                Map<String, Long> days = outreach.daysToFirstContact(cs, from, to);
                List<Report.Row> rows = new ArrayList<>();
                days.forEach((bucket, n) -> rows.add(row(
                        msg(
                                bucket.equals("NONE") ? "statistics.outreach.noContact" : "statistics.days." + bucket,
                                locale),
                        n,
                        small)));
                long total = days.values().stream().mapToLong(Long::longValue).sum();
                yield report(
                        key,
                        locale,
                        "statistics.row.days",
                        List.of("statistics.column.records"),
                        total == 0 ? List.of() : rows,
                        small,
                        msg("statistics.note.outreach-contact", locale));
            }
            case "concerns" -> {
                List<Report.Row> rows = new ArrayList<>();
                long total = 0;
                for (ConcernStatistics.UrgencyCount u : concerns.concernsByUrgency(cs, from, to)) {
                    total += u.raised();
                    boolean hideMedian = small && u.takenUp() > 0 && u.takenUp() < SMALL;
                    rows.add(new Report.Row(
                            msg("concern.urgency." + u.urgency(), locale),
                            List.of(
                                    Report.Cell.count(u.raised(), small),
                                    Report.Cell.count(u.takenUp(), small),
                                    Report.Cell.count(u.aboutSomeoneNew(), small),
                                    hideMedian
                                            ? new Report.Cell(null, true, false)
                                            : Report.Cell.measure(u.medianDaysToTakeUp())),
                            true));
                }
                yield report(
                        key,
                        locale,
                        "statistics.row.urgency",
                        List.of(
                                "statistics.concerns.raised",
                                "statistics.concerns.takenUp",
                                "statistics.concerns.new",
                                "statistics.concerns.medianDays"),
                        total == 0 ? List.of() : rows,
                        small,
                        msg("statistics.note.concerns", locale));
            }
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** Whether a person has a dashboard: coordinators and supervisors. */
    public static boolean hasDashboard(Actor actor) {
        return actor.roleNames().contains("MUNICIPAL_COORDINATOR")
                || actor.roleNames().contains("AGENCY_SUPERVISOR");
    }

    /**
     * The dashboards of a person, as reports (table and chart each): a coordinator's (the city's overdue referrals by
     * receiver, open cases by stage, this month's meetings, outreach waiting) and a supervisor's (their agency's
     * caseload per worker, the referrals waiting for its answer). Counts of work, not of residents by area: nothing is
     * hidden as small. Not audited: the caller records the look.
     */
    @Transactional(readOnly = true)
    public List<Report> dashboard(Actor actor, Locale locale) {
        List<Report> reports = new ArrayList<>();
        LocalDate today = today();
        Map<UUID, String> agencies = directory.agencyNames();
        if (actor.roleNames().contains("MUNICIPAL_COORDINATOR")) {
            CountScope city = CountScope.city();
            List<Report.Row> waiting = new ArrayList<>();
            for (ReferralStatistics.Waiting w : referrals.waitingByReceiver(city)) {
                waiting.add(new Report.Row(
                        agencies.getOrDefault(w.toAgencyId(), "?"),
                        List.of(
                                Report.Cell.count(w.overdue(), false),
                                Report.Cell.count(w.waiting(), false),
                                Report.Cell.count(w.olderThanAWeek(), false)),
                        true));
            }
            waiting.sort(java.util.Comparator.comparing((Report.Row r) ->
                    -java.util.Objects.requireNonNullElse(r.cells().get(0).value(), 0.0)));
            reports.add(dash(
                    "dash-overdue",
                    locale,
                    "statistics.row.receiver",
                    waiting,
                    List.of("statistics.dash.overdue", "statistics.dash.waiting", "statistics.dash.olderThanAWeek")));
            List<Report.Row> stages = new ArrayList<>();
            cases.caseFlow(city, today, today)
                    .openByStatus()
                    .forEach((status, n) -> stages.add(row(msg("case.status." + status, locale), n, false)));
            reports.add(dash("dash-cases", locale, "statistics.row.stage", stages, List.of("statistics.column.cases")));
            Period month = Period.month(today.getYear(), today.getMonthValue());
            List<Report.Row> meetings = new ArrayList<>();
            cases.meetingsByKind(city, month.from(), month.to())
                    .forEach((kind, m) -> meetings.add(new Report.Row(
                            msg("case.conference.kind." + kind, locale),
                            List.of(Report.Cell.count(m.held(), false), Report.Cell.count(m.notHeld(), false)),
                            true)));
            reports.add(dash(
                    "dash-meetings",
                    locale,
                    "statistics.row.meetingKind",
                    meetings,
                    List.of("statistics.meetings.held", "statistics.dash.scheduled")));
            OutreachStatistics.Waiting o = outreach.waiting(city, today);
            reports.add(dash(
                    "dash-outreach",
                    locale,
                    "statistics.row.records",
                    o.open() == 0
                            ? List.of()
                            : List.of(
                                    row(msg("statistics.dash.contactOverdue", locale), o.contactOverdue(), false),
                                    row(msg("statistics.outreach.noContact", locale), o.notReached(), false),
                                    row(msg("statistics.dash.outreachOpen", locale), o.open(), false)),
                    List.of("statistics.column.records")));
        }
        UUID agency = actor.agencyId();
        if (actor.roleNames().contains("AGENCY_SUPERVISOR") && agency != null) {
            Map<UUID, String> names = colleagues.professionalNames();
            Map<UUID, Long> caseload = cases.openCasesByWorker(agency);
            Map<UUID, Long> reach = outreach.openByWorker(agency);
            java.util.LinkedHashSet<UUID> workers = new java.util.LinkedHashSet<>(caseload.keySet());
            workers.addAll(reach.keySet());
            List<Report.Row> rows = new ArrayList<>();
            for (UUID worker : workers) {
                rows.add(new Report.Row(
                        names.getOrDefault(worker, msg("statistics.dash.formerStaff", locale)),
                        List.of(
                                Report.Cell.count(caseload.getOrDefault(worker, 0L), false),
                                Report.Cell.count(reach.getOrDefault(worker, 0L), false)),
                        true));
            }
            reports.add(dash(
                    "dash-caseload",
                    locale,
                    "statistics.row.worker",
                    rows,
                    List.of("statistics.dash.openCases", "statistics.dash.openOutreach")));
            List<Report.Row> unanswered = new ArrayList<>();
            for (ReferralStatistics.Waiting w : referrals.waitingByReceiver(CountScope.agency(agency))) {
                if (w.toAgencyId().equals(agency)) {
                    unanswered.add(row(msg("statistics.dash.waiting", locale), w.waiting(), false));
                    unanswered.add(row(msg("statistics.dash.overdue", locale), w.overdue(), false));
                    unanswered.add(row(msg("statistics.dash.olderThanAWeek", locale), w.olderThanAWeek(), false));
                }
            }
            reports.add(dash(
                    "dash-unanswered",
                    locale,
                    "statistics.row.referrals",
                    unanswered,
                    List.of("statistics.column.referrals")));
        }
        return reports;
    }

    private Report dash(String key, Locale locale, String rowHeader, List<Report.Row> rows, List<String> columns) {
        return report(key, locale, rowHeader, columns, rows, false, msg("statistics.note." + key, locale));
    }

    /** A report with its title, row header and column headers named by their message codes. */
    private Report report(
            String key,
            Locale locale,
            String rowHeader,
            List<String> columns,
            List<Report.Row> rows,
            boolean small,
            String note) {
        return new Report(
                key,
                msg("statistics.report." + key, locale),
                msg(rowHeader, locale),
                columns.stream().map(c -> msg(c, locale)).toList(),
                rows,
                small,
                note,
                "");
    }

    /**
     * The yearly report of 重層的支援体制整備事業 for a fiscal year, for the whole city, in Japanese (the form is sent in
     * Japanese whatever the page's language). While the year runs, the figures are up to today. Not audited: the
     * caller records the download.
     */
    @Transactional(readOnly = true)
    public YearlyReport yearly(int fiscalYear) {
        return yearly(fiscalYear, today());
    }

    /**
     * {@link #yearly(int)} as it reads on {@code today} (the figures up to that day while the year runs): the
     * benchmark's running year over generated past years.
     */
    @Transactional(readOnly = true)
    public YearlyReport yearly(int fiscalYear, LocalDate today) {
        Locale ja = Locale.JAPANESE;
        Period year = Period.fiscalYear(fiscalYear);
        LocalDate from = year.from();
        LocalDate to = year.to().isAfter(today) ? today : year.to();
        CountScope city = CountScope.city();
        List<YearlyReport.Project> projects = new ArrayList<>();

        List<YearlyReport.Item> consult = new ArrayList<>();
        Map<String, Long> channels = consultations.consultationsBy(ConsultationStatistics.By.CHANNEL, city, from, to);
        consult.add(count(ja, "statistics.yearly.consultations", sum(channels), false));
        channels.forEach((k, n) -> consult.add(new YearlyReport.Item(
                msg("statistics.yearly.of", ja, msg("consultation.channel." + k, ja)), (double) n, true, "件", true)));
        ConsultationStatistics.HouseholdIssues h = consultations.householdsWithIssues(city, from, to);
        consult.add(new YearlyReport.Item(
                msg("statistics.households.consulted", ja), (double) h.households(), true, "世帯", false));
        consult.add(new YearlyReport.Item(
                msg("statistics.households.several", ja), (double) h.withSeveralIssues(), true, "世帯", true));
        consult.add(new YearlyReport.Item(
                msg("statistics.households.share", ja),
                h.households() == 0 ? null : Math.round(1000.0 * h.withSeveralIssues() / h.households()) / 10.0,
                false,
                "％",
                true));
        Map<String, Long> responses =
                consultations.consultationsBy(ConsultationStatistics.By.FIRST_RESPONSE, city, from, to);
        for (String r : List.of("REFERRED", "ESCALATED_TO_MULTI_AGENCY", "OUTREACH_NEEDED")) {
            consult.add(new YearlyReport.Item(
                    msg("statistics.yearly.response", ja, msg("consultation.response." + r, ja)),
                    (double) responses.getOrDefault(r, 0L),
                    true,
                    "件",
                    false));
        }
        long sent = 0;
        long accepted = 0;
        long overdue = 0;
        for (ReferralStatistics.Flow f : referrals.flows(city, from, to)) {
            sent += f.sent();
            accepted += f.accepted();
            overdue += f.overdue();
        }
        consult.add(count(ja, "statistics.yearly.referralsSent", sent, false));
        consult.add(count(ja, "statistics.yearly.referralsAccepted", accepted, true));
        consult.add(count(ja, "statistics.yearly.referralsOverdue", overdue, true));
        projects.add(new YearlyReport.Project(
                msg("statistics.yearly.project.consultation", ja), "社会福祉法第106条の4第2項第1号", consult));

        List<YearlyReport.Item> multi = new ArrayList<>();
        CaseStatistics.CaseFlow flow = cases.caseFlow(city, from, to);
        multi.add(count(ja, "statistics.cases.opened", flow.opened(), false));
        multi.add(count(ja, "statistics.cases.closed", flow.closed(), false));
        multi.add(count(ja, "statistics.cases.reopened", flow.reopened(), false));
        multi.add(count(ja, "statistics.yearly.casesOpenAtEnd", sum(flow.openByStatus()), false));
        flow.openByStatus()
                .forEach((status, n) -> multi.add(new YearlyReport.Item(
                        msg("statistics.yearly.of", ja, msg("case.status." + status, ja)),
                        (double) n,
                        true,
                        "件",
                        true)));
        cases.meetingsByKind(city, from, to)
                .forEach((kind, m) -> multi.add(new YearlyReport.Item(
                        msg("statistics.yearly.meetingsHeld", ja, msg("case.conference.kind." + kind, ja)),
                        (double) m.held(),
                        true,
                        "回",
                        false)));
        projects.add(new YearlyReport.Project(
                msg("statistics.yearly.project.multiAgency", ja), "社会福祉法第106条の4第2項第5号", multi));

        List<YearlyReport.Item> reach = new ArrayList<>();
        long active = outreach.recordsByStage(city, from, to).stream()
                .mapToLong(OutreachStatistics.StageCount::records)
                .sum();
        Map<String, Long> contact = outreach.daysToFirstContact(city, from, to);
        long begun = sum(contact);
        long reached = begun - contact.getOrDefault("NONE", 0L);
        reach.add(count(ja, "statistics.yearly.outreachActive", active, false));
        reach.add(count(ja, "statistics.yearly.outreachBegun", begun, false));
        reach.add(count(ja, "statistics.yearly.outreachReached", reached, true));
        reach.add(count(
                ja,
                "statistics.yearly.outreachReached30",
                contact.getOrDefault("0-7", 0L) + contact.getOrDefault("8-30", 0L),
                true));
        projects.add(
                new YearlyReport.Project(msg("statistics.yearly.project.outreach", ja), "社会福祉法第106条の4第2項第4号", reach));

        List<YearlyReport.Item> part = new ArrayList<>();
        Map<String, Long> steps = participation.matchesByStep(city, from, to);
        part.add(count(ja, "statistics.yearly.matches", sum(steps), false));
        steps.forEach((step, n) -> part.add(new YearlyReport.Item(
                msg("statistics.yearly.of", ja, msg("participation.step." + step, ja)), (double) n, true, "件", true)));
        projects.add(new YearlyReport.Project(
                msg("statistics.yearly.project.participation", ja), "社会福祉法第106条の4第2項第2号", part));

        List<YearlyReport.Item> region = new ArrayList<>();
        CommunityStatistics.Figures f = community.figures(from, to);
        region.add(new YearlyReport.Item(
                msg("statistics.yearly.activities", ja), (double) f.openActivities(), true, "か所", false));
        region.add(new YearlyReport.Item(msg("statistics.yearly.groups", ja), (double) f.groups(), true, "団体", false));
        region.add(new YearlyReport.Item(
                msg("statistics.yearly.areaMeetings", ja), (double) f.areaMeetings(), true, "回", false));
        region.add(count(ja, "statistics.yearly.communityIssues", f.issuesRaised(), false));
        region.add(count(ja, "statistics.yearly.interest", f.interestMessages(), false));
        long raised = 0;
        long takenUp = 0;
        for (ConcernStatistics.UrgencyCount u : concerns.concernsByUrgency(city, from, to)) {
            raised += u.raised();
            takenUp += u.takenUp();
        }
        region.add(count(ja, "statistics.yearly.concerns", raised, false));
        region.add(count(ja, "statistics.yearly.concernsTakenUp", takenUp, true));
        projects.add(
                new YearlyReport.Project(msg("statistics.yearly.project.community", ja), "社会福祉法第106条の4第2項第3号", region));

        return new YearlyReport(
                fiscalYear, year.label(ja), from, to, today, !year.to().isAfter(today), projects);
    }

    private YearlyReport.Item count(Locale locale, String code, long n, boolean breakdown) {
        return new YearlyReport.Item(msg(code, locale), (double) n, true, "件", breakdown);
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Consultations by the household's registered area. By area, so small counts are hidden whatever the scope, and
     * households with a protected person are left out; for an agency's scope there is no such report (empty).
     */
    private Report areaReport(String key, Period period, ScopeChoice scope, Locale locale) {
        List<AreaView> tree = areas.tree();
        Map<UUID, String> names = new LinkedHashMap<>();
        tree.forEach(a -> names.put(a.id(), a.name()));
        Map<String, Long> counts = scope.byAgency()
                ? Map.of()
                : consultations.consultationsBy(
                        ConsultationStatistics.By.AREA,
                        scope.byArea() ? scope.scope() : CountScope.areas(names.keySet()),
                        period.from(),
                        period.to());
        return counts(
                key,
                locale,
                "statistics.row.area",
                counts,
                k -> names.getOrDefault(UUID.fromString(k), k),
                true,
                msg(scope.byAgency() ? "statistics.note.areaAgency" : "statistics.note.area", locale));
    }

    /**
     * The footnote of the age groups: how many of their counts come from an approximate date of birth only, and at
     * which day such a date is taken ("" when none). The number is a count like the table's: hidden as small in the
     * same scopes.
     */
    private String estimatedAges(CountScope scope, LocalDate from, LocalDate to, boolean small, Locale locale) {
        long estimated =
                consultations
                        .consultationsBy(ConsultationStatistics.By.AGE_GROUP_ESTIMATED, scope, from, to)
                        .values()
                        .stream()
                        .mapToLong(Long::longValue)
                        .sum();
        if (estimated == 0) {
            return "";
        }
        String count = Report.Cell.count(estimated, small).hidden()
                ? msg("statistics.note.ageEstimated.few", locale)
                : msg("statistics.note.ageEstimated.count", locale, estimated);
        return msg("statistics.note.ageEstimated", locale, count);
    }

    private Report counts(
            String key,
            Locale locale,
            String rowHeader,
            Map<String, Long> counts,
            java.util.function.Function<String, String> label,
            boolean small,
            String note) {
        List<Report.Row> rows = new ArrayList<>();
        counts.forEach((k, n) -> rows.add(row(label.apply(k), n, small)));
        return report(key, locale, rowHeader, List.of("statistics.column.consultations"), rows, small, note);
    }

    private static Report.Row row(String label, long n, boolean small) {
        return new Report.Row(label, List.of(Report.Cell.count(n, small)), true);
    }

    /**
     * Open data: consultations by the area the household is registered in and fiscal year (every published year), with
     * the total of each area, of each year and of all, households with a person under protection left out. Small counts
     * (1 to 4) are hidden, and further counts are hidden by {@link Suppression} so that no hidden count can be worked
     * out from the totals or from the other counts. Every published file is cut from this one table (a year's file
     * holds that year's counts and total), so that two files never disagree about what is hidden.
     */
    @Transactional(readOnly = true)
    public List<OpenDataRow> openData() {
        List<AreaView> tree = areas.tree();
        List<Integer> years = openDataYears().stream().sorted().toList();
        long[][] cells = new long[tree.size()][years.size()];
        List<UUID> ids = tree.stream().map(AreaView::id).toList();
        for (int y = 0; y < years.size(); y++) {
            Period period = Period.fiscalYear(years.get(y));
            Map<String, Long> counts = consultations.consultationsBy(
                    ConsultationStatistics.By.AREA, CountScope.areas(ids), period.from(), period.to());
            for (int a = 0; a < tree.size(); a++) {
                cells[a][y] = counts.getOrDefault(tree.get(a).id().toString(), 0L);
            }
        }
        Suppression.Table table = Suppression.suppress(cells);
        List<OpenDataRow> rows = new ArrayList<>();
        for (int y = 0; y <= years.size(); y++) {
            boolean allYears = y == years.size();
            @Nullable Integer fiscalYear = allYears ? null : years.get(y);
            String fiscalYearJa = fiscalYear == null
                    ? "全年度"
                    : Period.eraYear(Period.fiscalYear(fiscalYear).from()).replaceAll("年$", "年度");
            for (int a = 0; a <= tree.size(); a++) {
                boolean allAreas = a == tree.size();
                @Nullable AreaView area = allAreas ? null : tree.get(a);
                String type =
                        allYears && allAreas ? "total" : allYears ? "area_total" : allAreas ? "year_total" : "count";
                rows.add(new OpenDataRow(
                        fiscalYear,
                        fiscalYearJa,
                        area == null ? "" : area.code(),
                        area == null ? "全地域" : area.name(),
                        area == null ? "" : area.level().name(),
                        table.published(a, y),
                        table.hidden()[a][y],
                        type));
            }
        }
        return rows;
    }

    /** The open data of one fiscal year: its counts by area and its total, cut from {@link #openData()}. */
    public List<OpenDataRow> openData(int fiscalYear) {
        return openData().stream()
                .filter(r -> Integer.valueOf(fiscalYear).equals(r.fiscalYear()))
                .toList();
    }

    /** The fiscal years open data is published for: the five before this one and this one so far. */
    public List<Integer> openDataYears() {
        int fy = Period.fiscalYearOf(today());
        List<Integer> years = new ArrayList<>();
        for (int y = fy; y > fy - 6; y--) {
            years.add(y);
        }
        return years;
    }

    /**
     * One published figure: consultations received in a fiscal year about households registered in an area
     * ({@code count}), or a total: of an area over the years ({@code area_total}, no year), of a year over the areas
     * ({@code year_total}, no area), or of all ({@code total}).
     */
    public record OpenDataRow(
            @Nullable Integer fiscalYear,
            String fiscalYearJa,
            String areaCode,
            String areaName,
            String areaLevel,
            @Nullable Long consultations,
            boolean suppressed,
            String rowType) {}

    private String msg(String code, Locale locale, Object... args) {
        String message = messages.getMessage(code, args, code, locale);
        return message == null ? code : message;
    }
}
