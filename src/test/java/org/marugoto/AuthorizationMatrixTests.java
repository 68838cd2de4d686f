package org.marugoto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marugoto.people.PeopleFixtures.joining;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.marugoto.access.AccessApi;
import org.marugoto.access.Role;
import org.marugoto.access.domain.StaffCommand;
import org.marugoto.access.domain.StaffService;
import org.marugoto.casework.CaseCommands;
import org.marugoto.casework.CaseOrigin;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.ConferenceDecision;
import org.marugoto.casework.ConferenceKind;
import org.marugoto.casework.ConferenceView;
import org.marugoto.casework.PlanView;
import org.marugoto.casework.TeamRole;
import org.marugoto.casework.domain.AssessmentService;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.casework.domain.CaseTeamService;
import org.marugoto.casework.domain.ClosureService;
import org.marugoto.casework.domain.ConferenceService;
import org.marugoto.casework.domain.PlanService;
import org.marugoto.consent.ConsentApi;
import org.marugoto.consent.ConsentGiver;
import org.marugoto.consent.ConsentMethod;
import org.marugoto.consent.ConsentPurpose;
import org.marugoto.consent.ConsentView;
import org.marugoto.consent.ConsentWithdrawal;
import org.marugoto.consent.RecordConsent;
import org.marugoto.consultation.Channel;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.consultation.ConsulterType;
import org.marugoto.consultation.FirstResponse;
import org.marugoto.consultation.Urgency;
import org.marugoto.consultation.domain.ConsultationCommand;
import org.marugoto.consultation.domain.ConsultationService;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.ProtectionApi;
import org.marugoto.people.ProtectionCommand;
import org.marugoto.people.ProtectionKind;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.referral.domain.ReferralService;
import org.marugoto.referral.domain.SendReferral;
import org.marugoto.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix: every role × every endpoint (web and API, reads and writes) × every record situation, each
 * cell asserted allowed or refused against the rules written down here (docs/security.md). The endpoints are
 * discovered from the application's handler mappings: an endpoint that this test does not place in a family fails it,
 * so a new screen, form or API cannot be added without deciding who may use it.
 *
 * <p>One account per role, all at the same agency (東部地域包括支援センター, HOKATSU-E), and records in each
 * situation relative to them: recorded by their agency, by another agency, shared with them by consent, shared and then
 * withdrawn, a case whose team they are in, a case they were removed from, a 支援会議 they are a (pledged) member of,
 * a person under DV protection recorded by their agency, and a household a volunteer was asked to watch. Referrals:
 * one their agency sent (own agency), one between two other agencies (other agency) and one sent to their agency about
 * a household shared with it (shared by consent).
 *
 * <p><b>Reads</b> (GET) are placed in {@link #GET_ENDPOINTS}. <b>Writes</b> (POST, and any PUT, PATCH or DELETE) are
 * placed in {@link #WRITES}, each with the family whose rule it follows, the records its path variables name and the
 * body it is sent with its CSRF token: the least that brings the handler to its access decision — often nothing,
 * else a stale version, someone already in the team or household, a blank reason or a date in the future — so that an
 * allowed write is answered with the form and its errors or a redirect with a message, and changes nothing the rules
 * depend on. Writes run after every read, so no read cell sees what a write did.
 *
 * <p><b>Outcomes.</b> A cell is <em>refused</em> when the answer is 401, 403 (the refusal page), 404 (a record the user
 * may not know of) or a redirect to the login page. It is <em>allowed</em> — past the access checks — when the answer
 * is 2xx or 3xx (a page, a form with its errors, a redirect with a message, the re-authentication step) or 400, 409 or
 * 422 (input or version checks). Any 5xx, exception or other status is a failure of its own, reported with the
 * endpoint, role and situation: a cell must end in a decision, never in an error. Every endpoint must be asked in at
 * least one situation.
 */
@MarugotoTest
class AuthorizationMatrixTests {

    /** Kinds of record situation, relative to the acting account. */
    enum Situation {
        OWN_AGENCY,
        OTHER_AGENCY,
        SHARED_BY_CONSENT,
        CONSENT_WITHDRAWN,
        CASE_TEAM_MEMBER,
        REMOVED_TEAM_MEMBER,
        SHIEN_MEMBER,
        PROTECTED_PERSON,
        WATCHED_BY_VOLUNTEER,
        NO_RECORD,
        /** Copies of records of the other situations in a second municipality of the same database (decision 0030). */
        OTHER_MUNICIPALITY
    }

    /** What an endpoint gives access to. */
    enum Family {
        HOUSEHOLD_READ,
        HOUSEHOLD_WRITE,
        CASE,
        CASE_TEAM,
        CONVENING,
        CONFERENCE,
        REVEAL,
        REFERRAL,
        REFERRAL_SENDER,
        REFERRAL_RECEIVER,
        CONSENT,
        PROFESSIONAL_LIST,
        SEARCH,
        COORDINATOR_LIST,
        SUPERVISOR_OR_PRIVACY,
        PRIVACY,
        AUDIT,
        ADMIN,
        ANYONE,
        EMERGENCY_REQUEST,
        VOLUNTEER_HOME,
        VOLUNTEER_WATCH,
        CONCERN,
        OUTREACH,
        PARTICIPATION,
        PLANNING_LIST,
        /** the community desk and its lists: organisers and reviewers (社協 staff, coordinators) */
        COMMUNITY_DESK,
        /** an activity of the organiser's group: that organiser and the reviewers */
        COMMUNITY_ACTIVITY,
        /** publishing and reviewing: the reviewers only */
        COMMUNITY_REVIEW,
        /** a resident's message about the organiser's activity: that organiser only */
        COMMUNITY_INTEREST,
        /** statistics (counts only, no person): coordinators, supervisors and planners */
        STATISTICS,
        /** the regional welfare plan's pages and cycle: the planner only */
        PLAN,
        /** a measure's progress and a department's indicator: the planner and the department's members */
        PLAN_DEPARTMENT,
        /** the departments' own list: the planner and any department's member */
        PLAN_ANY_MEMBER,
        /** the work dashboards (counts only): coordinators and supervisors */
        DASHBOARD,
        /** imports of households and persons: coordinators */
        IMPORT
    }

    /** How a cell ended. */
    enum Outcome {
        ALLOWED,
        REFUSED,
        FAILED
    }

    static final Set<Role> PROFESSIONALS = Set.of(Role.CASEWORKER, Role.AGENCY_SUPERVISOR, Role.MUNICIPAL_COORDINATOR);

    /** Every GET endpoint of the application, by its pattern, with what it gives access to. */
    static final Map<String, Family> GET_ENDPOINTS = new LinkedHashMap<>();

    static {
        for (String p : List.of(
                "/households/{id}",
                "/people/{id}",
                "/consultations/{id}",
                "/consultations/{consultationId}/referrals/new",
                "/cases/new")) {
            GET_ENDPOINTS.put(p, Family.HOUSEHOLD_READ);
        }
        for (String p : List.of(
                "/households/{householdId}/consultations/new",
                "/households/{householdId}/referrals/new",
                "/households/{householdId}/consents/new")) {
            GET_ENDPOINTS.put(p, Family.HOUSEHOLD_WRITE);
        }
        for (String p : List.of(
                "/cases/{id}",
                "/cases/{id}/assessment",
                "/cases/{id}/assessments",
                "/cases/{id}/plan",
                "/cases/{id}/close",
                "/cases/{caseId}/conferences/new",
                "/plans/{planId}",
                "/plans/{planId}/pdf")) {
            GET_ENDPOINTS.put(p, Family.CASE);
        }
        GET_ENDPOINTS.put("/households/{householdId}/watch-requests/new", Family.HOUSEHOLD_WRITE);
        GET_ENDPOINTS.put("/concerns", Family.PROFESSIONAL_LIST);
        GET_ENDPOINTS.put("/concerns/{id}", Family.CONCERN);
        GET_ENDPOINTS.put("/volunteer", Family.VOLUNTEER_HOME);
        GET_ENDPOINTS.put("/volunteer/watches/{requestId}", Family.VOLUNTEER_WATCH);
        GET_ENDPOINTS.put("/participation", Family.PROFESSIONAL_LIST);
        GET_ENDPOINTS.put("/participation/opportunities", Family.PROFESSIONAL_LIST);
        GET_ENDPOINTS.put("/participation/needs", Family.PLANNING_LIST);
        GET_ENDPOINTS.put("/participation/new", Family.HOUSEHOLD_WRITE);
        GET_ENDPOINTS.put("/participation/{id}", Family.PARTICIPATION);
        GET_ENDPOINTS.put("/outreach", Family.PROFESSIONAL_LIST);
        GET_ENDPOINTS.put("/outreach/new", Family.HOUSEHOLD_WRITE);
        GET_ENDPOINTS.put("/outreach/{id}", Family.OUTREACH);
        GET_ENDPOINTS.put("/outreach/{id}/attempts/new", Family.OUTREACH);
        GET_ENDPOINTS.put("/conferences/{id}", Family.CONFERENCE);
        GET_ENDPOINTS.put("/conferences/{id}/pdf", Family.CONFERENCE);
        GET_ENDPOINTS.put("/protection/{personId}", Family.REVEAL);
        GET_ENDPOINTS.put("/referrals/{id}", Family.REFERRAL);
        GET_ENDPOINTS.put("/consents/{id}/withdraw", Family.CONSENT);
        for (String p : List.of("/cases", "/referrals", "/notifications", "/people/new")) {
            GET_ENDPOINTS.put(p, Family.PROFESSIONAL_LIST);
        }
        GET_ENDPOINTS.put("/people", Family.SEARCH);
        GET_ENDPOINTS.put("/referrals/overdue", Family.COORDINATOR_LIST);
        // record linkage (decision 0029): the review queue and its decisions are the coordinators' only
        GET_ENDPOINTS.put("/linkage", Family.COORDINATOR_LIST);
        GET_ENDPOINTS.put("/emergency-access/reviews", Family.SUPERVISOR_OR_PRIVACY);
        GET_ENDPOINTS.put("/emergency-access/new", Family.EMERGENCY_REQUEST);
        GET_ENDPOINTS.put("/protection", Family.PRIVACY);
        GET_ENDPOINTS.put("/audit", Family.AUDIT);
        GET_ENDPOINTS.put("/audit/verify", Family.AUDIT);
        for (String p : List.of(
                "/",
                "/account",
                "/account/mfa",
                "/directory",
                "/directory/{id}",
                "/api/v1/hsds/services",
                "/api/v1/hsds/services/{id}",
                "/api/v1/hsds/organizations",
                "/api/v1/hsds/organizations/{id}")) {
            GET_ENDPOINTS.put(p, Family.ANYONE);
        }
        // the residents' pages: everyone, signed in or not (anonymous visitors: PublicPagesTests)
        for (String p : List.of(
                "/public",
                "/public/activities",
                "/public/activities/{id}",
                "/public/activities/{id}/interest",
                "/public/activities/{id}/interest/sent",
                "/public/activities/{id}/calendar.ics",
                "/public/calendar",
                "/public/help",
                "/public/help/{situation}",
                "/public/furigana",
                "/public/open-data",
                "/public/open-data/activities.csv",
                "/public/open-data/activities.json",
                "/public/issues",
                "/public/open-data/statistics",
                "/public/open-data/statistics/consultations-by-area.csv",
                "/public/open-data/statistics/consultations-by-area.json")) {
            GET_ENDPOINTS.put(p, Family.ANYONE);
        }
        for (String p : List.of("/statistics", "/statistics/report.csv", "/statistics/report.xlsx")) {
            GET_ENDPOINTS.put(p, Family.STATISTICS);
        }
        GET_ENDPOINTS.put("/statistics/yearly.xlsx", Family.STATISTICS);
        GET_ENDPOINTS.put("/statistics/yearly.pdf", Family.STATISTICS);
        GET_ENDPOINTS.put("/statistics/dashboard", Family.DASHBOARD);
        GET_ENDPOINTS.put("/imports", Family.IMPORT);
        GET_ENDPOINTS.put("/community", Family.COMMUNITY_DESK);
        GET_ENDPOINTS.put("/community/interests", Family.COMMUNITY_DESK);
        GET_ENDPOINTS.put("/community/activities/new", Family.COMMUNITY_DESK);
        GET_ENDPOINTS.put("/community/reviews", Family.COMMUNITY_REVIEW);
        GET_ENDPOINTS.put("/community/activities/{id}", Family.COMMUNITY_ACTIVITY);
        GET_ENDPOINTS.put("/community/activities/{id}/edit", Family.COMMUNITY_ACTIVITY);
        GET_ENDPOINTS.put("/community/interests/{id}", Family.COMMUNITY_INTEREST);
        GET_ENDPOINTS.put("/community/areas", Family.COMMUNITY_REVIEW);
        GET_ENDPOINTS.put("/community/areas/{id}", Family.COMMUNITY_REVIEW);
        GET_ENDPOINTS.put("/community/issues/{id}", Family.COMMUNITY_REVIEW);
        // the regional welfare plan: the planner; a department's members their measures; residents the public pages
        for (String p : List.of("/planning", "/planning/progress")) {
            GET_ENDPOINTS.put(p, Family.PLAN_ANY_MEMBER);
        }
        for (String p : List.of(
                "/planning/plans/{planId}",
                "/planning/plans/{planId}/measures",
                "/planning/plans/{planId}/measures.xlsx",
                "/planning/plans/{planId}/indicators",
                "/planning/plans/{planId}/areas",
                "/planning/plans/{planId}/import",
                "/planning/years/{id}",
                "/planning/years/{id}/report.pdf",
                "/planning/years/{id}/report.xlsx",
                "/planning/departments")) {
            GET_ENDPOINTS.put(p, Family.PLAN);
        }
        GET_ENDPOINTS.put("/planning/measures/{id}", Family.PLAN_DEPARTMENT);
        GET_ENDPOINTS.put("/planning/years/{yearId}/measures/{measureId}", Family.PLAN_DEPARTMENT);
        for (String p : List.of(
                "/public/plan",
                "/public/plan/measures",
                "/public/plan/measures/{id}",
                "/public/plan/areas",
                "/public/plan/indicators",
                "/public/plan/years/{id}")) {
            GET_ENDPOINTS.put(p, Family.ANYONE);
        }
        // #14 gaps: editing after creation
        GET_ENDPOINTS.put("/participation/opportunities/{id}/edit", Family.PROFESSIONAL_LIST);
        GET_ENDPOINTS.put("/participation/{id}/edit", Family.PARTICIPATION);
        GET_ENDPOINTS.put("/outreach/{id}/key-persons", Family.OUTREACH);
        // #15 gaps: the photo of an activity
        GET_ENDPOINTS.put("/community/photos/{id}", Family.COMMUNITY_ACTIVITY);
        GET_ENDPOINTS.put("/public/photos/{id}", Family.ANYONE);
        // #17 exports of lists with personal data: as the list page (then a re-authentication, decision 0033)
        GET_ENDPOINTS.put("/cases/export.csv", Family.PROFESSIONAL_LIST);
        GET_ENDPOINTS.put("/cases/export.xlsx", Family.PROFESSIONAL_LIST);
        // #16 gaps: the planner's forms for one measure and one indicator
        GET_ENDPOINTS.put("/planning/measures/{id}/edit", Family.PLAN);
        GET_ENDPOINTS.put("/planning/indicators/{id}/edit", Family.PLAN);
        // #17 exports of the referral lists and of the household search: as their pages (then a re-authentication)
        GET_ENDPOINTS.put("/referrals/export.csv", Family.PROFESSIONAL_LIST);
        GET_ENDPOINTS.put("/referrals/export.xlsx", Family.PROFESSIONAL_LIST);
        GET_ENDPOINTS.put("/people/export.csv", Family.SEARCH);
        GET_ENDPOINTS.put("/people/export.xlsx", Family.SEARCH);
        // imports of agencies, counters and services (decision 0036): administrators
        GET_ENDPOINTS.put("/admin/agencies/import", Family.ADMIN);
        GET_ENDPOINTS.put("/admin/agencies/import/template", Family.ADMIN);
        // import of places and activities (decision 0036): the community desk's reviewers
        GET_ENDPOINTS.put("/community/import", Family.COMMUNITY_REVIEW);
        GET_ENDPOINTS.put("/community/import/template", Family.COMMUNITY_REVIEW);
    }

    /**
     * A write endpoint's place in the matrix: the family whose rule it follows, the situation's records that fill its
     * path variables (in order) and the body it is sent, whose values "{record}" are filled the same way. It is asked
     * in every situation that has all the records it names; one that names none, in {@code NO_RECORD} only.
     */
    record Write(Family family, List<String> records, Map<String, String> body) {}

    /**
     * Every write endpoint of the application, by "METHOD pattern". An endpoint under {@link #ADMIN_PREFIXES} that is
     * not listed is placed in ADMIN and sent an empty body.
     */
    static final Map<String, Write> WRITES = new LinkedHashMap<>();

    static void write(String endpoint, Family family, List<String> records, String... body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < body.length; i += 2) {
            params.put(body[i], body[i + 1]);
        }
        WRITES.put(endpoint, new Write(family, records, params));
    }

    static {
        // a household's records: forms sent empty come back with their errors after the household is read
        List<String> household = List.of("household");
        write("POST /households/{householdId}/consultations/new", Family.HOUSEHOLD_WRITE, household);
        write("POST /households/{householdId}/referrals/new", Family.HOUSEHOLD_WRITE, household);
        write("POST /households/{householdId}/consents", Family.HOUSEHOLD_WRITE, household);
        write("POST /households/{householdId}/watch-requests", Family.HOUSEHOLD_WRITE, household);
        write("POST /cases/new", Family.HOUSEHOLD_WRITE, List.of(), "householdId", "{household}");
        write(
                "POST /households/{id}/members/existing",
                Family.HOUSEHOLD_WRITE,
                household,
                "personId",
                "{person}",
                "relationship",
                "CHILD");
        write(
                "POST /households/{id}/members/{memberId}/end",
                Family.HOUSEHOLD_WRITE,
                List.of("household", "member"),
                "version",
                "-1",
                "reason",
                "OTHER",
                "endedOn",
                "2099-01-01");
        write("POST /people/{id}", Family.HOUSEHOLD_WRITE, List.of("person"));
        write("POST /people/{id}/protection", Family.HOUSEHOLD_WRITE, List.of("person"));
        write(
                "POST /people/{id}/protection/{protectionId}/end",
                Family.HOUSEHOLD_WRITE,
                List.of("person", "protection"),
                "version",
                "-1");
        write("POST /watch-requests/{id}/end", Family.HOUSEHOLD_WRITE, List.of("watch"), "version", "-1");
        write("POST /watch-requests/{id}/notes", Family.HOUSEHOLD_WRITE, List.of("watch"));
        write("POST /consents/{id}/withdraw", Family.CONSENT, List.of("consent"));
        write("POST /protection/{personId}/reveal", Family.REVEAL, List.of("person"));
        write("POST /concerns/{id}/take-up", Family.CONCERN, List.of("concern"), "version", "-1");
        // outreach: an empty form comes back with its errors once the household or the record is read
        write("POST /outreach/new", Family.HOUSEHOLD_WRITE, List.of(), "householdId", "{household}");
        write("POST /outreach/{id}/attempts", Family.OUTREACH, List.of("outreach"));
        write("POST /outreach/{id}/stage", Family.OUTREACH, List.of("outreach"), "version", "-1");
        // participation: empty forms come back with their errors; a stale version changes nothing
        write("POST /participation/new", Family.HOUSEHOLD_WRITE, List.of(), "householdId", "{household}");
        write("POST /participation/{id}/matches", Family.PARTICIPATION, List.of("participation"));
        write(
                "POST /participation/matches/{matchId}/step",
                Family.PARTICIPATION,
                List.of("participationMatch"),
                "version",
                "-1");
        write(
                "POST /participation/matches/{matchId}/outcome",
                Family.PARTICIPATION,
                List.of("participationMatch"),
                "version",
                "-1");
        write("POST /participation/opportunities", Family.PROFESSIONAL_LIST, List.of());
        write("POST /participation/needs", Family.PROFESSIONAL_LIST, List.of());
        write(
                "POST /participation/opportunities/{id}/open",
                Family.PROFESSIONAL_LIST,
                List.of("opportunity"),
                "version",
                "-1",
                "open",
                "true");

        // referrals: the service lets only the sending or the receiving agency act; a stale version changes nothing
        List<String> referral = List.of("referral");
        for (String action : List.of("provide-info", "withdraw", "follow-up", "resend")) {
            write("POST /referrals/{id}/" + action, Family.REFERRAL_SENDER, referral, "version", "-1", "text", "マトリクス");
        }
        for (String action : List.of("accept", "start")) {
            write("POST /referrals/{id}/" + action, Family.REFERRAL_RECEIVER, referral, "version", "-1");
        }
        for (String action : List.of("decline", "request-info")) {
            write(
                    "POST /referrals/{id}/" + action,
                    Family.REFERRAL_RECEIVER,
                    referral,
                    "version",
                    "-1",
                    "text",
                    "マトリクス");
        }
        write(
                "POST /referrals/{id}/complete",
                Family.REFERRAL_RECEIVER,
                referral,
                "version",
                "-1",
                "outcome",
                "GOT_HELP");

        // case content: the team and the coordinators; a stale version, a closed-case rule or an empty form
        List<String> kase = List.of("case");
        write("POST /cases/{id}/status", Family.CASE, kase, "version", "-1", "to", "ASSESSMENT");
        write("POST /cases/{id}/consent", Family.CASE, kase, "version", "-1");
        write("POST /cases/{id}/reopen", Family.CASE, kase, "version", "-1", "text", "マトリクス");
        write(
                "POST /cases/{id}/progress",
                Family.CASE,
                kase,
                "occurredAt",
                "2026-11-01T10:00",
                "kind",
                "NOTE",
                "body",
                "");
        write("POST /cases/{id}/assessment", Family.CASE, kase);
        write("POST /cases/{id}/plan", Family.CASE, kase);
        write("POST /cases/{id}/close", Family.CASE, kase);
        write("POST /plans/{planId}/review", Family.CASE, List.of("plan"));
        // the action item is done already: marking it again changes nothing
        write("POST /plan-actions/{actionId}/done", Family.CASE, List.of("planAction"));
        // the team: the lead (no actor here) and the coordinators; the lead is already in it and cannot be removed
        write("POST /cases/{id}/team", Family.CASE_TEAM, kase, "accountId", "{leadAccount}");
        write(
                "POST /cases/{id}/remove-member",
                Family.CASE_TEAM,
                kase,
                "memberId",
                "{leadMember}",
                "version",
                "-1",
                "text",
                "マトリクス");
        // meetings are convened and cancelled by the coordinators; a meeting without an agenda is not scheduled
        write(
                "POST /cases/{caseId}/conferences/new",
                Family.CONVENING,
                List.of("case"),
                "kind",
                "JUSHO",
                "scheduledAt",
                "2026-12-20T14:00",
                "agenda",
                "");
        write("POST /conferences/{id}/cancel", Family.CONVENING, List.of("conference"), "version", "-1");
        // 支援会議 material: its members (who have pledged already; the minutes are recorded already)
        write("POST /conferences/{id}/pledge", Family.CONFERENCE, List.of("conference"));
        write("POST /conferences/{id}/minutes", Family.CONFERENCE, List.of("conference"), "version", "-1");
        write("POST /conference-actions/{actionId}/done", Family.CONFERENCE, List.of("conferenceAction"));

        // no personal record
        write("POST /people/new", Family.PROFESSIONAL_LIST, List.of());
        write("POST /notifications/read", Family.PROFESSIONAL_LIST, List.of());
        write("POST /emergency-access", Family.EMERGENCY_REQUEST, List.of());
        write("POST /emergency-access/reviews/{id}", Family.SUPERVISOR_OR_PRIVACY, List.of("grant"), "version", "-1");
        write("POST /volunteer/concerns", Family.VOLUNTEER_HOME, List.of());
        write("POST /account", Family.ANYONE, List.of());
        write("POST /account/mfa", Family.ANYONE, List.of());
        // asks for re-authentication first
        write("POST /account/mfa/remove", Family.ANYONE, List.of());
        // the residents' interest form: without its signed token it is shown again and nothing is sent
        write("POST /public/activities/{id}/interest", Family.ANYONE, List.of());
        // the community desk: empty forms come back with their errors; stale versions change nothing
        write("POST /community/activities/new", Family.COMMUNITY_DESK, List.of());
        write("POST /community/activities/{id}/edit", Family.COMMUNITY_ACTIVITY, List.of());
        write("POST /community/activities/{id}/confirm", Family.COMMUNITY_ACTIVITY, List.of(), "version", "-1");
        write("POST /community/activities/{id}/publish", Family.COMMUNITY_REVIEW, List.of(), "version", "-1");
        write("POST /community/activities/{id}/return", Family.COMMUNITY_REVIEW, List.of(), "version", "-1");
        write("POST /community/interests/{id}", Family.COMMUNITY_INTEREST, List.of(), "version", "-1");
        // community issues and area meetings: the reviewers
        write("POST /community/areas/{id}/issues", Family.COMMUNITY_REVIEW, List.of());
        write("POST /community/issues/{id}/meetings", Family.COMMUNITY_REVIEW, List.of());
        write("POST /community/issues/{id}/feedback", Family.COMMUNITY_REVIEW, List.of(), "version", "-1");
        // the regional welfare plan: empty forms come back with their errors, stale versions change nothing
        write("POST /planning/plans/{planId}/copy", Family.PLAN, List.of());
        write("POST /planning/plans/{planId}/years", Family.PLAN, List.of());
        write("POST /planning/plans/{planId}/import", Family.PLAN, List.of());
        write("POST /planning/plans/{planId}/import/save", Family.PLAN, List.of());
        write("POST /planning/years/{id}/remind", Family.PLAN, List.of());
        write("POST /planning/years/{id}/comment", Family.PLAN, List.of(), "version", "-1");
        write("POST /planning/years/{id}/close", Family.PLAN, List.of(), "version", "-1");
        write("POST /planning/area-items/{id}", Family.PLAN, List.of(), "version", "-1");
        // departments' members: an unknown user name or no account changes nothing
        write("POST /planning/departments/{id}/members", Family.PLAN, List.of(), "username", "mx.nobody");
        write("POST /planning/departments/{id}/members/remove", Family.PLAN, List.of());
        write(
                "POST /planning/years/{yearId}/measures/{measureId}",
                Family.PLAN_DEPARTMENT,
                List.of(),
                "version",
                "-2",
                "result",
                "マトリクス",
                "evaluation",
                "A");
        write("POST /planning/years/{yearId}/indicators/{indicatorId}", Family.PLAN_DEPARTMENT, List.of());
        write("POST /community/meeting-actions/{id}/done", Family.COMMUNITY_REVIEW, List.of(), "version", "-1");
        // imports: no file (the page with its error), a token that names nothing (back to the page)
        write("POST /imports/persons/preview", Family.IMPORT, List.of());
        write("POST /imports/persons/commit", Family.IMPORT, List.of(), "token", "");
        // administration: empty forms, except where a parameter is required
        write("POST /admin/staff/{id}/password", Family.ADMIN, List.of(), "password", "");
        write("POST /admin/issue-codes", Family.ADMIN, List.of(), "code", "", "nameJa", "", "nameEn", "");
        write(
                "POST /admin/issue-codes/{id}",
                Family.ADMIN,
                List.of(),
                "version",
                "-1",
                "nameJa",
                "",
                "nameEn",
                "",
                "sortOrder",
                "1");
        // #14 gaps: editing after creation (a stale version changes nothing)
        write(
                "POST /participation/opportunities/{id}/edit",
                Family.PROFESSIONAL_LIST,
                List.of("opportunity"),
                "version",
                "-1");
        write("POST /participation/{id}/edit", Family.PARTICIPATION, List.of("participation"), "version", "-1");
        write("POST /outreach/{id}/key-persons", Family.OUTREACH, List.of("outreach"), "version", "-1");
        // #15 gaps: the photo of an activity (an empty form or a stale version changes nothing)
        write("POST /community/activities/{id}/photo", Family.COMMUNITY_ACTIVITY, List.of(), "version", "-1");
        write("POST /community/activities/{id}/photo/remove", Family.COMMUNITY_ACTIVITY, List.of(), "version", "-1");
        // record linkage (decision 0029): coordinators only; an unknown pair comes back with a message
        write("POST /linkage/decide", Family.COORDINATOR_LIST, List.of(), "version", "-1", "decision", "confirm");
        write("POST /linkage/run", Family.COORDINATOR_LIST, List.of());
        // #18 remainder: unlinking from the person page (coordinators only; an identity it is not in changes nothing)
        write("POST /people/{id}/unlink", Family.COORDINATOR_LIST, List.of("person"), "identity", "{person}");
        // #16 gaps: a measure's or an indicator's form with a stale version and blank fields changes nothing
        write("POST /planning/measures/{id}/edit", Family.PLAN, List.of(), "version", "-1");
        write("POST /planning/indicators/{id}/edit", Family.PLAN, List.of(), "version", "-1");
        // a ward plan or a priority item without its name adds nothing (back to the page with a message)
        write("POST /planning/plans/{planId}/areas", Family.PLAN, List.of());
        write("POST /planning/area-plans/{id}/items", Family.PLAN, List.of());
        // decision 0038: asking the coordinator about a pair shown on the search page. It reads the person first (the
        // person page's rule); without a pair it was shown, the user is sent back with a message and nothing changes
        write(
                "POST /people/{id}/linkage-request",
                Family.HOUSEHOLD_READ,
                List.of("person"),
                "candidate",
                "{person}",
                "reason",
                "matrix");
        // imports of agencies, counters and services (decision 0036): no file (the page with its error), a token
        // that names nothing (back to the page)
        write("POST /admin/agencies/import/preview", Family.ADMIN, List.of(), "kind", "agencies");
        write("POST /admin/agencies/import/commit", Family.ADMIN, List.of(), "token", "");
        // import of places and activities: no file (the page with its error), a token that names nothing
        write("POST /community/import/preview", Family.COMMUNITY_REVIEW, List.of());
        write("POST /community/import/commit", Family.COMMUNITY_REVIEW, List.of(), "token", "");
    }

    /** Endpoints left out of the matrix, by "METHOD pattern", with the reason. */
    static final Map<String, String> NOT_IN_MATRIX = Map.of(
            "GET /login", "the login page, before any role",
            "GET /login/mfa", "the second step of a login, before any role (MfaLoginTests)",
            "POST /login/mfa", "the second step of a login, before any role (MfaLoginTests)",
            "GET /login/mfa/enrol", "the forced enrolment of a login, before any role (MfaLoginTests)",
            "POST /login/mfa/enrol", "the forced enrolment of a login, before any role (MfaLoginTests)",
            "GET /reauth", "asks the signed-in user for their own password; shows no record",
            "POST /reauth",
                    "checks the signed-in user's own password; a wrong one counts towards their lockout "
                            + "(ReauthenticationTests)");

    /** Endpoints under these prefixes are the administrators' (areas, agencies, staff, issue codes). */
    static final List<String> ADMIN_PREFIXES =
            List.of("/admin/areas", "/admin/agencies", "/admin/staff", "/admin/issue-codes", "/admin/outreach-stages");

    static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** A discovered endpoint with the family it was placed in. */
    record Endpoint(RequestMethod method, String pattern, Family family) {
        String key() {
            return method + " " + pattern;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    UserDetailsService users;

    @Autowired
    StaffService staff;

    @Autowired
    DirectoryApi directory;

    @Autowired
    PeopleApi people;

    @Autowired
    ProtectionApi protection;

    @Autowired
    ConsultationApi consultations;

    @Autowired
    ConsultationService consultationService;

    @Autowired
    ConsentApi consents;

    @Autowired
    CaseService cases;

    @Autowired
    AssessmentService assessments;

    @Autowired
    PlanService planService;

    @Autowired
    CaseTeamService teams;

    @Autowired
    ClosureService closures;

    @Autowired
    ConferenceService conferences;

    @Autowired
    ReferralService referrals;

    @Autowired
    AccessApi access;

    @Autowired
    org.marugoto.watch.domain.WatchService watches;

    @Autowired
    org.marugoto.watch.domain.ConcernService concerns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.marugoto.outreach.domain.OutreachService outreachRecords;

    @Autowired
    org.marugoto.participation.domain.ParticipationService participationRecords;

    @Autowired
    org.marugoto.community.domain.CommunityService community;

    @Autowired
    org.marugoto.community.domain.ActivityPhotos activityPhotos;

    @Autowired
    org.marugoto.community.domain.InterestService interests;

    @Autowired
    org.marugoto.community.domain.IssueService communityIssues;

    @Autowired
    org.marugoto.planning.domain.PlanService welfarePlans;

    @Autowired
    org.marugoto.planning.domain.IndicatorService planIndicators;

    @Autowired
    org.marugoto.planning.domain.ProgressService planProgress;

    @Autowired
    org.marugoto.planning.domain.AreaPlanService planAreas;

    final Map<Role, String> actors = new EnumMap<>(Role.class);

    /** Path variables by situation: the ids of the records in that situation. */
    final Map<Situation, Map<String, String>> ids = new EnumMap<>(Situation.class);

    String protectedAddress;

    final List<String> mismatches = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final Map<String, Integer> cellsByEndpoint = new TreeMap<>();

    @Test
    void everyRoleOnEveryEndpointInEverySituation() throws Exception {
        createActors();
        createRecords();
        List<Endpoint> endpoints = discoverEndpoints();
        List<Endpoint> reads =
                endpoints.stream().filter(e -> e.method() == RequestMethod.GET).toList();
        List<Endpoint> writes =
                endpoints.stream().filter(e -> e.method() != RequestMethod.GET).toList();
        int cells = 0;
        // anonymous visitors (no role at all): "/" and the residents' pages only, and without a session
        for (Endpoint endpoint : reads) {
            cellsByEndpoint.putIfAbsent(endpoint.key(), 0);
            for (Situation situation : Situation.values()) {
                MockHttpServletRequestBuilder request = requestOf(endpoint, situation);
                if (request != null) {
                    SecurityContextHolder.clearContext();
                    checkAnonymous(situation, endpoint, request.with(anonymous()));
                    cells++;
                }
            }
        }
        // every read before any write, so that no read cell sees what a write did
        for (List<Endpoint> phase : List.of(reads, writes)) {
            for (Role role : Role.values()) {
                UserDetails actor = users.loadUserByUsername(actors.get(role));
                for (Endpoint endpoint : phase) {
                    cellsByEndpoint.putIfAbsent(endpoint.key(), 0);
                    for (Situation situation : Situation.values()) {
                        MockHttpServletRequestBuilder request = requestOf(endpoint, situation);
                        if (request != null) {
                            check(role, situation, endpoint, request.with(user(actor)));
                            cellsByEndpoint.merge(endpoint.key(), 1, Integer::sum);
                            cells++;
                        }
                    }
                }
            }
        }
        System.out.printf(
                "Authorization matrix: %d roles x (%d GET + %d write endpoints) x %d situations = %d cells asserted%n",
                Role.values().length, reads.size(), writes.size(), Situation.values().length, cells);
        assertThat(failures)
                .as("cells answered with a server error (5xx), an exception or an unexpected status")
                .isEmpty();
        assertThat(mismatches).as("cells that differ from the rules").isEmpty();
        assertThat(cellsByEndpoint)
                .as("endpoints asked in no situation (no record of the kind their path names)")
                .doesNotContainValue(0);
        assertThat(cells).isGreaterThanOrEqualTo(Role.values().length * endpoints.size());
    }

    /** The rules: who may use an endpoint of a family on a record in a situation. */
    static boolean allowed(Role role, Family family, Situation situation) {
        // a second municipality's records: nobody of this one may know of them
        if (situation == Situation.OTHER_MUNICIPALITY) {
            return false;
        }
        boolean professional = PROFESSIONALS.contains(role);
        boolean visibleHousehold = situation == Situation.OWN_AGENCY
                || situation == Situation.SHARED_BY_CONSENT
                || situation == Situation.PROTECTED_PERSON
                || situation == Situation.WATCHED_BY_VOLUNTEER;
        boolean coordinator = role == Role.MUNICIPAL_COORDINATOR;
        return switch (family) {
            // volunteers never open the professionals' pages, not even of a household they watch
            case HOUSEHOLD_READ, HOUSEHOLD_WRITE, CONSENT -> professional && visibleHousehold;
            // a referral: the sending and the receiving agency; a coordinator follows any (without personal details)
            case REFERRAL ->
                professional
                        && (situation == Situation.OWN_AGENCY
                                || situation == Situation.SHARED_BY_CONSENT
                                || coordinator);
            // its actions: the sender's (provide information, withdraw, confirm the follow-up) or the receiver's
            case REFERRAL_SENDER -> professional && situation == Situation.OWN_AGENCY;
            case REFERRAL_RECEIVER -> professional && situation == Situation.SHARED_BY_CONSENT;
            // a concern raised by a volunteer: the receiving agency's professionals (the volunteer sees it on
            // /volunteer)
            case CONCERN -> professional && situation == Situation.WATCHED_BY_VOLUNTEER;
            // an outreach record: the lead agency's professionals (before consent; never shared by agency or consent)
            // a person's participation support: the lead agency's professionals, like outreach
            case PARTICIPATION ->
                professional && (situation == Situation.OWN_AGENCY || situation == Situation.PROTECTED_PERSON);
            // counts of unmet needs name no person: professionals and planners
            case PLANNING_LIST -> professional || role == Role.PLANNER;
            case OUTREACH ->
                professional && (situation == Situation.OWN_AGENCY || situation == Situation.PROTECTED_PERSON);
            case VOLUNTEER_HOME -> role == Role.VOLUNTEER;
            case VOLUNTEER_WATCH -> role == Role.VOLUNTEER && situation == Situation.WATCHED_BY_VOLUNTEER;
            // case content: the team and the municipality's coordinators; never by agency
            case CASE -> coordinator || (professional && situation == Situation.CASE_TEAM_MEMBER);
            // the team is changed by the lead (none of the actors) and the coordinators, not by its members
            case CASE_TEAM -> coordinator;
            // meetings are convened and cancelled by the municipality's coordinators only
            case CONVENING -> coordinator;
            // 支援会議 material: its pledged members only (coordinators too only when they are members)
            case CONFERENCE -> professional && situation == Situation.SHIEN_MEMBER;
            case REVEAL -> role == Role.PRIVACY_OFFICER && situation == Situation.PROTECTED_PERSON;
            case PROFESSIONAL_LIST, SEARCH, EMERGENCY_REQUEST -> professional;
            case COORDINATOR_LIST -> coordinator;
            case SUPERVISOR_OR_PRIVACY -> role == Role.AGENCY_SUPERVISOR || role == Role.PRIVACY_OFFICER;
            case PRIVACY -> role == Role.PRIVACY_OFFICER;
            case AUDIT -> role == Role.AUDITOR || role == Role.SYSTEM_ADMIN;
            case ADMIN -> role == Role.SYSTEM_ADMIN;
            case ANYONE -> true;
            // the actors' agency is not a 社協, so of them only the coordinator reviews (CommunityService.isReviewer)
            case COMMUNITY_DESK, COMMUNITY_ACTIVITY -> role == Role.COMMUNITY_ORGANISER || coordinator;
            case COMMUNITY_REVIEW -> coordinator;
            case COMMUNITY_INTEREST -> role == Role.COMMUNITY_ORGANISER;
            case STATISTICS -> coordinator || role == Role.AGENCY_SUPERVISOR || role == Role.PLANNER;
            case PLAN -> role == Role.PLANNER;
            // the caseworker of the matrix is a member of the department (健康づくり課) whose records are asked
            case PLAN_DEPARTMENT, PLAN_ANY_MEMBER -> role == Role.PLANNER || role == Role.CASEWORKER;
            case DASHBOARD -> coordinator || role == Role.AGENCY_SUPERVISOR;
            case IMPORT -> coordinator;
        };
    }

    /** Asks one cell and records a mismatch with the rules, or a failure (5xx, exception, unexpected status). */
    void check(Role role, Situation situation, Endpoint endpoint, MockHttpServletRequestBuilder request) {
        boolean expected = allowed(role, endpoint.family(), situation);
        String cell = "%s %s %s".formatted(role, situation, endpoint.key());
        MvcResult result;
        try {
            result = mvc.perform(request).andReturn();
        } catch (Exception failed) {
            failures.add(cell + ": "
                    + NestedExceptionUtils.getMostSpecificCause(failed).toString());
            return;
        }
        String path = result.getRequest().getRequestURI();
        int status = result.getResponse().getStatus();
        Outcome outcome = outcome(result);
        if (outcome == Outcome.FAILED) {
            failures.add("%s (%s): answered %d".formatted(cell, path, status));
            return;
        }
        if ((outcome == Outcome.ALLOWED) != expected) {
            mismatches.add(
                    "%s (%s): expected %s, got %d".formatted(cell, path, expected ? "allowed" : "refused", status));
        }
        if (outcome == Outcome.ALLOWED
                && situation == Situation.PROTECTED_PERSON
                && endpoint.family() != Family.REVEAL
                && body(result).contains(protectedAddress)) {
            mismatches.add("%s (%s): shows the protected person's address".formatted(cell, path));
        }
    }

    /** An anonymous cell: allowed only on "/" and the residents' pages, which must not create a session. */
    void checkAnonymous(Situation situation, Endpoint endpoint, MockHttpServletRequestBuilder request) {
        boolean expected = endpoint.pattern().equals("/") || endpoint.pattern().startsWith("/public");
        String cell = "ANONYMOUS %s %s".formatted(situation, endpoint.key());
        MvcResult result;
        try {
            result = mvc.perform(request).andReturn();
        } catch (Exception failed) {
            failures.add(cell + ": "
                    + NestedExceptionUtils.getMostSpecificCause(failed).toString());
            return;
        }
        Outcome outcome = outcome(result);
        int status = result.getResponse().getStatus();
        if (outcome == Outcome.FAILED) {
            failures.add("%s: answered %d".formatted(cell, status));
        } else if ((outcome == Outcome.ALLOWED) != expected) {
            mismatches.add("%s: expected %s, got %d".formatted(cell, expected ? "allowed" : "refused", status));
        } else if (expected && result.getRequest().getSession(false) != null) {
            mismatches.add("%s: created a session".formatted(cell));
        }
    }

    /** Refused, allowed past the access checks, or failed: see the class comment. */
    static Outcome outcome(MvcResult result) {
        int status = result.getResponse().getStatus();
        String location = result.getResponse().getRedirectedUrl();
        if (status == 401 || status == 403 || status == 404) {
            return Outcome.REFUSED;
        }
        if (status >= 300 && status < 400 && location != null && location.matches("^(https?://[^/]+)?/login\\b.*")) {
            return Outcome.REFUSED;
        }
        if ((status >= 200 && status < 400) || status == 400 || status == 409 || status == 422) {
            return Outcome.ALLOWED;
        }
        return Outcome.FAILED;
    }

    static String body(MvcResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The family an endpoint was placed in; fails for an endpoint nobody placed. */
    static Family family(RequestMethod method, String pattern) {
        if (method == RequestMethod.GET) {
            Family family = GET_ENDPOINTS.get(pattern);
            if (family != null) {
                return family;
            }
        } else {
            Write write = WRITES.get(method + " " + pattern);
            if (write != null) {
                return write.family();
            }
        }
        if (ADMIN_PREFIXES.stream().anyMatch(pattern::startsWith)) {
            return Family.ADMIN;
        }
        throw new AssertionError("%s %s is not in the authorization matrix: add it to %s"
                .formatted(method, pattern, method == RequestMethod.GET ? "GET_ENDPOINTS" : "WRITES"));
    }

    /** Every endpoint of the handler mappings, by method and pattern, each placed in a family. */
    List<Endpoint> discoverEndpoints() {
        Set<Endpoint> endpoints = new TreeSet<>(Comparator.comparing(Endpoint::key));
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/error")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    throw new AssertionError(
                            pattern + " answers every HTTP method: declare its method (@GetMapping, @PostMapping)");
                }
                for (RequestMethod method : methods) {
                    if (!NOT_IN_MATRIX.containsKey(method + " " + pattern)) {
                        endpoints.add(new Endpoint(method, pattern, family(method, pattern)));
                    }
                }
            }
        }
        return List.copyOf(endpoints);
    }

    /** The request of a cell, or null when the situation has no record of the kind the endpoint names. */
    @Nullable
    MockHttpServletRequestBuilder requestOf(Endpoint endpoint, Situation situation) {
        if (endpoint.method() == RequestMethod.GET) {
            String path = fill(endpoint.pattern(), situation);
            return path == null ? null : get(path);
        }
        Write write = WRITES.getOrDefault(endpoint.key(), new Write(Family.ADMIN, List.of(), Map.of()));
        Map<String, String> v = ids.get(situation);
        boolean named = !write.records().isEmpty()
                || write.body().values().stream()
                        .anyMatch(value -> VARIABLE.matcher(value).matches());
        if (!named && situation != Situation.NO_RECORD) {
            return null;
        }
        String path;
        if (write.records().isEmpty()) {
            path = endpoint.pattern().contains("{") ? directoryPath(endpoint.pattern()) : endpoint.pattern();
        } else {
            Matcher m = VARIABLE.matcher(endpoint.pattern());
            StringBuilder filled = new StringBuilder();
            int i = 0;
            while (m.find()) {
                String value = v.get(write.records().get(i++));
                if (value == null) {
                    return null;
                }
                m.appendReplacement(filled, value);
            }
            m.appendTail(filled);
            path = filled.toString();
        }
        MockHttpServletRequestBuilder request =
                request(HttpMethod.valueOf(endpoint.method().name()), path).with(csrf());
        for (Map.Entry<String, String> param : write.body().entrySet()) {
            Matcher m = VARIABLE.matcher(param.getValue());
            String value = m.matches() ? v.get(m.group(1)) : param.getValue();
            if (value == null) {
                return null;
            }
            request.param(param.getKey(), value);
        }
        return request;
    }

    /** The GET path with the situation's ids in its variables, or null when the situation has no such record. */
    @Nullable
    String fill(String pattern, Situation situation) {
        Map<String, String> v = ids.get(situation);
        Family family = family(RequestMethod.GET, pattern);
        String path = pattern;
        if (pattern.equals("/cases/new")) {
            return v.containsKey("household") ? "/cases/new?household=" + v.get("household") : null;
        }
        if (pattern.equals("/participation/new")) {
            return v.containsKey("household") ? "/participation/new?household=" + v.get("household") : null;
        }
        if (pattern.equals("/outreach/new")) {
            return v.containsKey("household") ? "/outreach/new?household=" + v.get("household") : null;
        }
        if (pattern.equals("/people")) {
            return situation == Situation.NO_RECORD ? "/people?q=" + "マトリクス" : null;
        }
        if (pattern.startsWith("/participation/opportunities/{id}")) {
            String opportunity = v.get("opportunity");
            return situation == Situation.NO_RECORD && opportunity != null ? path.replace("{id}", opportunity) : null;
        }
        if (!pattern.contains("{")) {
            return situation == Situation.NO_RECORD ? path : null;
        }
        if (family == Family.ADMIN
                || family == Family.ANYONE
                || family.name().startsWith("COMMUNITY_")
                || family.name().startsWith("PLAN_")
                || family == Family.PLAN) {
            return situation == Situation.NO_RECORD ? directoryPath(pattern) : null;
        }
        String key =
                switch (family) {
                    case CASE -> pattern.startsWith("/plans") ? "plan" : "case";
                    case CONFERENCE -> "conference";
                    case REFERRAL -> "referral";
                    case CONSENT -> "consent";
                    case REVEAL -> "person";
                    case VOLUNTEER_WATCH -> "watch";
                    case CONCERN -> "concern";
                    case OUTREACH -> "outreach";
                    case PARTICIPATION -> "participation";
                    default ->
                        pattern.startsWith("/people")
                                ? "person"
                                : pattern.startsWith("/consultations") ? "consultation" : "household";
                };
        String value = v.get(key);
        if (value == null) {
            return null;
        }
        return path.replaceAll("\\{[^}]+}", value);
    }

    // ---- fixtures
    // ----------------------------------------------------------------------------------------------------

    void createActors() {
        UUID east = directory.agencyByCode("HOKATSU-E").orElseThrow().id();
        UUID west = directory.agencyByCode("HOKATSU-W").orElseThrow().id();
        for (Role role : Role.values()) {
            String username =
                    "mx." + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            staff.ensure(username, "matrix-password-1", command("マトリクス " + role.name(), east, Set.of(role)));
            actors.put(role, username);
        }
        staff.ensure("mx.author-east", "matrix-password-1", command("記録者 東", east, Set.of(Role.CASEWORKER)));
        staff.ensure("mx.author-west", "matrix-password-1", command("記録者 西", west, Set.of(Role.CASEWORKER)));
    }

    static StaffCommand command(String name, UUID agency, Set<Role> roles) {
        return new StaffCommand(name, null, null, agency, roles, true);
    }

    UUID account(String username) {
        return ((Actor) users.loadUserByUsername(username)).accountId();
    }

    void as(String username) {
        PeopleFixtures.actAs(users, username);
    }

    record Household(UUID household, UUID person, UUID consultation) {}

    Household household(String author, String family) {
        as(author);
        MemberView self = people.register(
                person(family, "花子", "まとりくす", "はなこ", Sex.FEMALE, LocalDate.of(1960, 1, 1), "美月野市東町9-9-9", null),
                newHousehold());
        people.register(
                person(family, "一郎", "まとりくす", "いちろう", Sex.MALE, LocalDate.of(1988, 2, 2), null, null),
                joining(self.householdId(), Relationship.CHILD));
        // the consultation that brought the household in, recorded by the same agency; with the person's consent, so
        // that it is shared with the agencies that see the household (without, it stays with its agency)
        UUID consultation = consultationService
                .record(new ConsultationCommand(
                        UUID.randomUUID(),
                        self.householdId(),
                        null,
                        Instant.now().minus(1, ChronoUnit.HOURS),
                        Channel.VISIT,
                        ConsulterType.SELF,
                        null,
                        List.of(self.person().id()),
                        List.of("OTHER"),
                        null,
                        Urgency.NORMAL,
                        "マトリクスの相談",
                        null,
                        ConsentStatus.GIVEN,
                        LocalDate.now(),
                        null,
                        FirstResponse.ANSWERED_AT_COUNTER,
                        null,
                        null))
                .id();
        return new Household(self.householdId(), self.person().id(), consultation);
    }

    static byte[] photo() {
        try {
            return org.marugoto.community.CommunityFixtures.jpegWithGps();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void createRecords() {
        for (Situation s : Situation.values()) {
            ids.put(s, new LinkedHashMap<>());
        }
        UUID east = directory.agencyByCode("HOKATSU-E").orElseThrow().id();
        UUID west = directory.agencyByCode("HOKATSU-W").orElseThrow().id();
        Household own = household("mx.author-east", "自機関");
        householdSituation(Situation.OWN_AGENCY, own);
        Household other = household("mx.author-west", "他機関");
        householdSituation(Situation.OTHER_AGENCY, other);

        Household shared = household("mx.author-west", "同意共有");
        consent(shared, east);
        householdSituation(Situation.SHARED_BY_CONSENT, shared);

        // referrals: one the actors' agency sent, one between two other agencies, one sent to the actors' agency
        ids.get(Situation.OWN_AGENCY).put("referral", referral("mx.author-east", own, west));
        ids.get(Situation.OTHER_AGENCY)
                .put(
                        "referral",
                        referral(
                                "mx.author-west",
                                other,
                                directory
                                        .agencyByCode("DISABILITY-AOBA")
                                        .orElseThrow()
                                        .id()));
        ids.get(Situation.SHARED_BY_CONSENT).put("referral", referral("mx.author-west", shared, east));

        Household withdrawn = household("mx.author-west", "同意撤回");
        ConsentView given = consent(withdrawn, east);
        as("mx.author-west");
        consents.withdraw(
                given.id(),
                given.version(),
                new ConsentWithdrawal(LocalDate.now(), ConsentMethod.VERBAL_WITH_WITNESS, "本人の申し出"));
        householdSituation(Situation.CONSENT_WITHDRAWN, withdrawn);

        as("mx.author-east");
        var opportunity = participationRecords.addOpportunity(new org.marugoto.participation.NewOpportunity(
                east,
                "マトリクスの畑",
                org.marugoto.participation.OpportunityKind.FARM,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null));
        ids.get(Situation.NO_RECORD).put("opportunity", opportunity.id().toString());
        participation(Situation.OWN_AGENCY, "mx.author-east", own, opportunity.id());
        participation(Situation.OTHER_AGENCY, "mx.author-west", other, opportunity.id());
        ids.get(Situation.OWN_AGENCY).put("outreach", outreach("mx.author-east", own));
        ids.get(Situation.OTHER_AGENCY).put("outreach", outreach("mx.author-west", other));
        Household protectedHousehold = household("mx.author-east", "保護");
        as("mx.author-east");
        protection.protect(
                protectedHousehold.person(),
                new ProtectionCommand(ProtectionKind.DV, LocalDate.now(), null, "配偶者暴力相談支援センター", null, List.of()));
        protectedAddress = "美月野市東町9-9-9";
        householdSituation(Situation.PROTECTED_PERSON, protectedHousehold);
        ids.get(Situation.PROTECTED_PERSON).put("outreach", outreach("mx.author-east", protectedHousehold));
        participation(
                Situation.PROTECTED_PERSON,
                "mx.author-east",
                protectedHousehold,
                UUID.fromString(ids.get(Situation.NO_RECORD).get("opportunity")));

        // a case of another agency's household, with the professional actors in its team
        CaseView team = openCase(household("mx.author-west", "チーム"), ConsentStatus.GIVEN);
        as("coordinator");
        for (Role role : List.of(Role.CASEWORKER, Role.AGENCY_SUPERVISOR)) {
            teams.addMember(team.id(), account(actors.get(role)), TeamRole.MEMBER);
        }
        PlanView plan = plan(team);
        caseSituation(Situation.CASE_TEAM_MEMBER, team, plan);

        CaseView removed = openCase(household("mx.author-west", "除外"), ConsentStatus.GIVEN);
        as("coordinator");
        for (Role role : List.of(Role.CASEWORKER, Role.AGENCY_SUPERVISOR)) {
            CaseView.TeamMember member = teams.addMember(removed.id(), account(actors.get(role)), TeamRole.MEMBER);
            teams.removeMember(removed.id(), member.id(), member.version(), "担当替え");
        }
        PlanView removedPlan = plan(removed);
        caseSituation(Situation.REMOVED_TEAM_MEMBER, removed, removedPlan);

        // a 支援会議 without consent whose members are the professional actors, each having pledged
        CaseView refused = openCase(household("mx.author-west", "支援会議"), ConsentStatus.REFUSED);
        as("coordinator2");
        Set<UUID> members = new LinkedHashSet<>();
        for (Role role : PROFESSIONALS) {
            members.add(account(actors.get(role)));
        }
        ConferenceView shien = conferences.schedule(
                refused.id(),
                new CaseCommands.Conference(
                        ConferenceKind.SHIEN, Instant.now().minus(1, ChronoUnit.HOURS), null, "共有する事項", members));
        for (Role role : PROFESSIONALS) {
            as(actors.get(role));
            conferences.pledge(shien.id());
        }
        ids.get(Situation.SHIEN_MEMBER).put("conference", shien.id().toString());
        // its minutes, with an action item that is done already
        as(actors.get(Role.MUNICIPAL_COORDINATOR));
        conferences.recordMinutes(
                shien.id(),
                conferences.get(shien.id()).version(),
                new CaseCommands.Minutes(
                        "共有した事項と役割分担",
                        Set.of(ConferenceDecision.CONTINUE),
                        members,
                        false,
                        null,
                        null,
                        Map.of(),
                        List.of(new CaseCommands.ActionItem(
                                "様子を伝える", account(actors.get(Role.CASEWORKER)), LocalDate.now()))));
        UUID conferenceAction = jdbc.sql("select id from case_conference_action where conference_id = ?")
                .param(shien.id())
                .query(UUID.class)
                .single();
        conferences.markActionDone(conferenceAction);
        ids.get(Situation.SHIEN_MEMBER).put("conferenceAction", conferenceAction.toString());
        // a household of the actors' agency that the volunteer was asked to watch, and a concern they raised about it
        Household watched = household("mx.author-east", "見守り");
        as("mx.author-east");
        org.marugoto.watch.WatchFixtures.consentToWatch(
                consents, people, users, watched.household(), actors.get(Role.VOLUNTEER));
        var request = watches.ask(
                watched.household(),
                new org.marugoto.watch.AskToWatch(
                        account(actors.get(Role.VOLUNTEER)),
                        "郵便受けがいっぱいになっていないか",
                        "週1回",
                        null,
                        org.marugoto.watch.WatchBasis.CONSENT,
                        null,
                        null));
        as(actors.get(Role.VOLUNTEER));
        var concern = concerns.raise(new org.marugoto.watch.RaiseConcern(
                request.id(), "見守り 花子さん", null, "3日続けて雨戸が閉まったまま", org.marugoto.watch.ConcernUrgency.values()[0], east));
        householdSituation(Situation.WATCHED_BY_VOLUNTEER, watched);
        ids.get(Situation.WATCHED_BY_VOLUNTEER).put("watch", request.id().toString());
        ids.get(Situation.WATCHED_BY_VOLUNTEER).put("concern", concern.id().toString());

        // directory and administration records (not personal) for the endpoints that take their ids
        Map<String, String> directoryIds = ids.get(Situation.NO_RECORD);
        // a published activity of a group the organiser keeps, and a resident's message about it
        as(actors.get(Role.MUNICIPAL_COORDINATOR));
        var group = community.ensureGroup(
                "マトリクスの会",
                null,
                org.marugoto.community.domain.GroupKind.VOLUNTEER_GROUP,
                null,
                null,
                null,
                account(actors.get(Role.COMMUNITY_ORGANISER)));
        var activity = community.create(org.marugoto.community.CommunityFixtures.activity(
                group.id(),
                UUID.fromString(one("select id from area where municipality_id = ?", tenancy())),
                "マトリクスのサロン"));
        // #15 gaps: the activity has a photo, published with it
        activity = activityPhotos.attach(activity.id(), activity.version(), photo(), "マトリクスの写真");
        directoryIds.put("photo", String.valueOf(activity.photoId()));
        community.publish(activity.id(), activity.version());
        directoryIds.put("activity", activity.id().toString());
        var issue = communityIssues.propose(
                activity.areaId(),
                "マトリクスの課題",
                "マトリクス",
                LocalDate.now().minusYears(1),
                LocalDate.now(),
                org.marugoto.community.domain.CommunityIssue.Proposer.CSW);
        issue = communityIssues.recordMeeting(
                issue.id(),
                org.marugoto.community.domain.CommunityIssue.MeetingKind.DISTRICT_WELFARE,
                LocalDate.now(),
                "マトリクス自治会",
                "マトリクスの記録",
                "マトリクスの取り組み",
                "マトリクス自治会",
                null);
        directoryIds.put("communityIssue", issue.id().toString());
        directoryIds.put(
                "meetingAction",
                issue.meetings().getFirst().actions().getFirst().id().toString());
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        directoryIds.put(
                "interest",
                interests
                        .submit(activity.id(), "マトリクス", "090-0000-0000", "参加したい", "198.51.100.1")
                        .toString());
        directoryIds.put("agency", east.toString());
        directoryIds.put("counter", one("select id from consultation_counter where agency_id = ?", east));
        directoryIds.put("service", one("select id from support_service where agency_id = ?", east));
        directoryIds.put("area", one("select id from area where municipality_id = ?", tenancy()));
        directoryIds.put("staff", account(actors.get(Role.CASEWORKER)).toString());
        directoryIds.put("issueCode", one("select id from issue_code where municipality_id = ?", tenancy()));
        // the demo plan; the matrix's caseworker is a member of 健康づくり課, whose measure and indicator are asked
        as("planner");
        var welfarePlan = welfarePlans.current().orElseThrow();
        directoryIds.put("welfarePlan", welfarePlan.id().toString());
        var health = welfarePlans.departmentByName("健康づくり課").orElseThrow();
        directoryIds.put("planDepartment", health.id().toString());
        welfarePlans.addMember(health.id(), account(actors.get(Role.CASEWORKER)), actors.get(Role.CASEWORKER));
        directoryIds.put(
                "planMeasure",
                welfarePlans
                        .search(new org.marugoto.planning.domain.PlanService.Criteria(
                                welfarePlan.id(), null, null, health.id(), null, false))
                        .getFirst()
                        .id()
                        .toString());
        directoryIds.put(
                "planIndicator",
                planIndicators.indicators(welfarePlan.id()).stream()
                        .filter(i -> health.id().equals(i.departmentId()))
                        .findFirst()
                        .orElseThrow()
                        .id()
                        .toString());
        directoryIds.put(
                "planOpenYear",
                planProgress.year(welfarePlan.id(), 2026).orElseThrow().id().toString());
        directoryIds.put(
                "planClosedYear",
                planProgress.year(welfarePlan.id(), 2025).orElseThrow().id().toString());
        directoryIds.put(
                "planAreaItem",
                planAreas
                        .areaPlans(welfarePlan.id(), null)
                        .getFirst()
                        .items()
                        .getFirst()
                        .id()
                        .toString());
        directoryIds.put(
                "planAreaPlan",
                planAreas.areaPlans(welfarePlan.id(), null).getFirst().id().toString());
        // an emergency access by a colleague of the actors' agency, waiting for its reviews
        as("mx.author-east");
        directoryIds.put(
                "grant",
                access.breakGlass(
                                "household",
                                other.household(),
                                jdbc.sql("select case_number from household where id = ?")
                                        .param(other.household())
                                        .query(String.class)
                                        .single(),
                                Set.of(other.person()),
                                "連絡が取れず安否を確認する必要があるため、世帯の記録を確かめる")
                        .id()
                        .toString());
        otherMunicipality();
    }

    /**
     * The records of a second municipality in the same database: copies, with their own ids, of the own agency's
     * household (its person, member, consultation and referral) and of the team member's case (its plan, lead and
     * plan action). Nobody of this municipality may open, change or find them.
     */
    @Nullable
    TenantClone secondMunicipality;

    /** The second municipality goes again, so that no other test class finds it in the shared database. */
    @org.junit.jupiter.api.AfterEach
    void removeOtherMunicipality() {
        if (secondMunicipality != null) {
            secondMunicipality.remove();
        }
    }

    void otherMunicipality() {
        secondMunicipality = new TenantClone(jdbc, tenancy(), "999017", "マトリクス町");
        TenantClone other = secondMunicipality;
        Map<String, String> own = ids.get(Situation.OWN_AGENCY);
        Map<String, String> team = ids.get(Situation.CASE_TEAM_MEMBER);
        Map<String, String> v = ids.get(Situation.OTHER_MUNICIPALITY);
        v.put(
                "household",
                other.copy("household", UUID.fromString(own.get("household"))).toString());
        v.put("person", other.copy("person", UUID.fromString(own.get("person"))).toString());
        v.put(
                "member",
                other.copy("household_member", UUID.fromString(own.get("member")))
                        .toString());
        other.copyWhere("household_agency", "household_id", UUID.fromString(own.get("household")));
        v.put(
                "consultation",
                other.copy("consultation", UUID.fromString(own.get("consultation")))
                        .toString());
        v.put(
                "referral",
                other.copy("referral", UUID.fromString(own.get("referral"))).toString());
        v.put(
                "case",
                other.copy("support_case", UUID.fromString(team.get("case"))).toString());
        v.put(
                "plan",
                other.copy("support_plan", UUID.fromString(team.get("plan"))).toString());
        v.put(
                "leadMember",
                other.copy("case_team_member", UUID.fromString(team.get("leadMember")))
                        .toString());
        v.put("leadAccount", team.get("leadAccount"));
        v.put(
                "planAction",
                other.copy("support_plan_action", UUID.fromString(team.get("planAction")))
                        .toString());
    }

    /** A case with the ids its write endpoints name: the lead's account and team membership, a plan action item. */
    void caseSituation(Situation situation, CaseView kase, PlanView plan) {
        Map<String, String> v = ids.get(situation);
        v.put("case", kase.id().toString());
        v.put("plan", plan.id().toString());
        as("coordinator");
        CaseView.TeamMember lead = cases.team(kase.id()).stream()
                .filter(m -> m.role() == TeamRole.LEAD)
                .findFirst()
                .orElseThrow();
        v.put("leadAccount", lead.accountId().toString());
        v.put("leadMember", lead.id().toString());
        UUID action = jdbc.sql("select id from support_plan_action where plan_id = ?")
                .param(plan.id())
                .query(UUID.class)
                .single();
        planService.markActionDone(action);
        v.put("planAction", action.toString());
    }

    /** Participation support for the household's person, led by its author, introduced to the opportunity. */
    void participation(Situation situation, String author, Household h, UUID opportunity) {
        as(author);
        var profile =
                participationRecords.startProfile(h.household(), h.person(), null, "マトリクスの思い", List.of(), null, null);
        profile = participationRecords.introduce(
                profile.id(), opportunity, LocalDate.now().minusDays(3), null);
        ids.get(situation).put("participation", profile.id().toString());
        ids.get(situation)
                .put("participationMatch", profile.matches().getFirst().id().toString());
    }

    /** An outreach record of the household, led by its author, with one attempt. */
    String outreach(String author, Household h) {
        as(author);
        var record = outreachRecords.open(new org.marugoto.outreach.OpenOutreach(
                UUID.randomUUID(),
                h.household(),
                List.of(h.person()),
                org.marugoto.outreach.OutreachSource.NEIGHBOUR,
                null,
                org.marugoto.outreach.OutreachOrigin.DIRECT,
                null,
                List.of("ISOLATION"),
                "マトリクスのアウトリーチ",
                LocalDate.now().minusDays(10),
                account(author),
                List.of(),
                null,
                List.of()));
        outreachRecords.recordAttempt(
                record.id(),
                new org.marugoto.outreach.RecordAttempt(
                        UUID.randomUUID(),
                        LocalDate.now().minusDays(5).atTime(10, 0),
                        org.marugoto.outreach.AttemptMethod.VISIT,
                        "マトリクス",
                        org.marugoto.outreach.AttemptOutcome.NO_ANSWER,
                        null,
                        null,
                        LocalDate.now().minusDays(1)));
        return record.id().toString();
    }

    /** A referral about the household's first person, without consent (so that it shares nothing). */
    String referral(String author, Household h, UUID to) {
        as(author);
        return referrals
                .send(new SendReferral(
                        h.household(),
                        null,
                        to,
                        null,
                        List.of(h.person()),
                        List.of("OTHER"),
                        Urgency.NORMAL,
                        "マトリクスのつなぎ",
                        null,
                        null,
                        ConsentStatus.NOT_ASKED,
                        null,
                        LocalDate.now().plusDays(30)))
                .id()
                .toString();
    }

    String one(String sql, UUID param) {
        return jdbc.sql(sql + " order by id limit 1")
                .param(param)
                .query(UUID.class)
                .single()
                .toString();
    }

    UUID tenancy() {
        return jdbc.sql("select municipality_id from agency limit 1")
                .query(UUID.class)
                .single();
    }

    /** Directory and administration endpoints with the ids of agency HOKATSU-E's records. */
    String directoryPath(String pattern) {
        Map<String, String> v = ids.get(Situation.NO_RECORD);
        if (pattern.startsWith("/planning/") || pattern.startsWith("/public/plan")) {
            return planningPath(pattern, v);
        }
        if (pattern.startsWith("/public/") || pattern.startsWith("/community/")) {
            String id = pattern.startsWith("/community/photos/") || pattern.startsWith("/public/photos/")
                    ? v.get("photo")
                    : pattern.startsWith("/community/interests/")
                            ? v.get("interest")
                            : pattern.startsWith("/community/areas/")
                                    ? v.get("area")
                                    : pattern.startsWith("/community/issues/")
                                            ? v.get("communityIssue")
                                            : pattern.startsWith("/community/meeting-actions/")
                                                    ? v.get("meetingAction")
                                                    : v.get("activity");
            return pattern.replace("{situation}", "PARENT_CARE").replace("{id}", id);
        }
        String path = pattern.replace("{agencyId}", v.get("agency"));
        if (path.startsWith("/admin/agencies/") && path.contains("/counters/")) {
            return path.replace("{id}", v.get("counter"));
        }
        if (path.contains("/services/")) {
            return path.replace("{id}", v.get("service"));
        }
        if (path.startsWith("/admin/areas/")) {
            return path.replace("{id}", v.get("area"));
        }
        if (path.startsWith("/admin/staff/")) {
            return path.replace("{id}", v.get("staff"));
        }
        if (path.startsWith("/admin/issue-codes/")) {
            return path.replace("{id}", v.get("issueCode"));
        }
        return path.replace("{id}", v.get("agency"));
    }

    /** The regional welfare plan's endpoints with the demo plan's records (the matrix's department: 健康づくり課). */
    static String planningPath(String pattern, Map<String, String> v) {
        String path = pattern.replace("{planId}", v.get("welfarePlan"))
                .replace("{measureId}", v.get("planMeasure"))
                .replace("{indicatorId}", v.get("planIndicator"));
        if (path.startsWith("/planning/years/{yearId}")) {
            return path.replace("{yearId}", v.get("planOpenYear"));
        }
        if (path.startsWith("/planning/years/")) {
            return path.replace("{id}", v.get("planOpenYear"));
        }
        if (path.startsWith("/public/plan/years/")) {
            return path.replace("{id}", v.get("planClosedYear"));
        }
        if (path.startsWith("/planning/departments/")) {
            return path.replace("{id}", v.get("planDepartment"));
        }
        if (path.startsWith("/planning/area-items/")) {
            return path.replace("{id}", v.get("planAreaItem"));
        }
        if (path.startsWith("/planning/area-plans/")) {
            return path.replace("{id}", v.get("planAreaPlan"));
        }
        if (path.startsWith("/planning/indicators/")) {
            return path.replace("{id}", v.get("planIndicator"));
        }
        return path.replace("{id}", v.get("planMeasure"));
    }

    void householdSituation(Situation situation, Household h) {
        Map<String, String> v = ids.get(situation);
        v.put("household", h.household().toString());
        v.put("person", h.person().toString());
        v.put(
                "member",
                jdbc.sql("select id from household_member where household_id = ? and person_id = ?")
                        .params(h.household(), h.person())
                        .query(UUID.class)
                        .single()
                        .toString());
        jdbc.sql("select id from protection where person_id = ? and ended_at is null")
                .param(h.person())
                .query(UUID.class)
                .optional()
                .ifPresent(id -> v.put("protection", id.toString()));
        v.put("consultation", h.consultation().toString());
        jdbc.sql("select id from consent where household_id = ? limit 1")
                .param(h.household())
                .query(UUID.class)
                .optional()
                .ifPresent(id -> v.put("consent", id.toString()));
    }

    ConsentView consent(Household h, UUID agency) {
        as("mx.author-west");
        return consents.record(new RecordConsent(
                h.household(),
                List.of(h.person()),
                ConsentGiver.PERSON,
                null,
                null,
                List.of(agency),
                Set.of(ConsentPurpose.INFORMATION_SHARING),
                ConsentMethod.SIGNED_FORM,
                null,
                LocalDate.now(),
                null,
                null));
    }

    CaseView openCase(Household h, ConsentStatus consent) {
        as("mx.author-west");
        return cases.open(new CaseCommands.OpenCase(
                h.household(),
                CaseOrigin.DIRECT,
                null,
                account("coordinator"),
                "マトリクスの事例",
                List.of("OTHER"),
                Set.of(h.person()),
                consent,
                consent == ConsentStatus.GIVEN ? LocalDate.now() : null,
                null));
    }

    PlanView plan(CaseView c) {
        as("coordinator");
        return planService.saveDraft(
                c.id(),
                null,
                new CaseCommands.Plan(
                        "暮らしを続けたい",
                        null,
                        null,
                        LocalDate.now(),
                        LocalDate.now().plusMonths(6),
                        LocalDate.now().plusMonths(3),
                        List.of(new CaseCommands.Goal(
                                "課題",
                                "目標",
                                null,
                                List.of(new CaseCommands.Action(
                                        "見守りの訪問",
                                        c.leadAgencyId(),
                                        null,
                                        LocalDate.now().plusMonths(1),
                                        null))))));
    }
}
