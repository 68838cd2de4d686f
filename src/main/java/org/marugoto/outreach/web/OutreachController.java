package org.marugoto.outreach.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Colleagues;
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.consultation.ConsultationView;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.outreach.AttemptMethod;
import org.marugoto.outreach.AttemptOutcome;
import org.marugoto.outreach.ConnectedTo;
import org.marugoto.outreach.EndReason;
import org.marugoto.outreach.KeyPersonEdit;
import org.marugoto.outreach.MoveStage;
import org.marugoto.outreach.OpenForNewPerson;
import org.marugoto.outreach.OpenOutreach;
import org.marugoto.outreach.OutreachOrigin;
import org.marugoto.outreach.OutreachSource;
import org.marugoto.outreach.OutreachStage;
import org.marugoto.outreach.OutreachView;
import org.marugoto.outreach.RecordAttempt;
import org.marugoto.outreach.domain.OutreachService;
import org.marugoto.outreach.domain.OutreachStages;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PersonCommand;
import org.marugoto.people.Sex;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Japan;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.watch.ConcernApi;
import org.marugoto.watch.ConcernView;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Outreach pages: the agency's list with the overdue next contacts, opening a record (directly, from a consultation,
 * a volunteer's concern or a case), the record with its timeline, the attempt form (made for a phone at the door) and
 * stage changes. Errors are collected by field and shown at the field; nothing is changed.
 */
@Controller
class OutreachController {

    private final OutreachService outreach;
    private final OutreachStages stages;
    private final PeopleApi people;
    private final ConsultationApi consultations;
    private final ConcernApi concerns;
    private final Colleagues colleagues;
    private final DirectoryApi directory;
    private final java.time.Clock clock;
    private final org.springframework.context.MessageSource messages;

    OutreachController(
            OutreachService outreach,
            OutreachStages stages,
            PeopleApi people,
            ConsultationApi consultations,
            ConcernApi concerns,
            Colleagues colleagues,
            DirectoryApi directory,
            java.time.Clock clock,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.outreach = outreach;
        this.stages = stages;
        this.people = people;
        this.consultations = consultations;
        this.concerns = concerns;
        this.colleagues = colleagues;
        this.directory = directory;
        this.clock = clock;
    }

    // ---- list ------------------------------------------------------------------------------------------------------

    @GetMapping("/outreach")
    String list(Model model) {
        Actor actor = CurrentActor.get().orElseThrow();
        List<OutreachView> records = outreach.ofMyAgency();
        Map<UUID, String> householdNames = new LinkedHashMap<>();
        for (OutreachView r : records) {
            householdNames.computeIfAbsent(
                    r.householdId(), h -> people.household(h, "outreach").name());
        }
        model.addAttribute("records", records);
        model.addAttribute("householdNames", householdNames);
        model.addAttribute("overdue", outreach.overdueFor(actor));
        model.addAttribute("agencyNames", directory.agencyNames());
        model.addAttribute("stages", stages.byCode());
        model.addAttribute("today", Japan.today(clock));
        return "outreach/list";
    }

    // ---- opening ---------------------------------------------------------------------------------------------------

    @GetMapping("/outreach/new")
    String openForm(
            @RequestParam(required = false) @Nullable UUID household,
            @RequestParam(required = false) @Nullable UUID consultation,
            @RequestParam(required = false) @Nullable UUID concern,
            @RequestParam(name = "case", required = false) @Nullable UUID kase,
            Model model) {
        Actor actor = CurrentActor.get().orElseThrow();
        UUID householdId = household;
        String origin = OutreachOrigin.DIRECT.name();
        String originId = "";
        String source = "";
        String sourceDetail = "";
        String worry = "";
        List<String> codes = List.of();
        List<String> persons = List.of();
        String firstConcernOn = Japan.today(clock).toString();
        if (consultation != null) {
            ConsultationView c = consultations.get(consultation);
            householdId = c.householdId();
            origin = OutreachOrigin.CONSULTATION.name();
            originId = consultation.toString();
            worry = c.ownWords() == null ? "" : c.ownWords();
            codes = c.issueCodes();
            persons = c.personIds().stream().map(UUID::toString).toList();
            firstConcernOn = LocalDate.ofInstant(c.receivedAt(), Japan.ZONE).toString();
        } else if (concern != null) {
            ConcernView c = concerns.get(concern);
            if (c.householdId() == null) {
                // someone not registered yet: the form registers them as it opens the record
                OutreachForm form = new OutreachForm(
                        UUID.randomUUID().toString(),
                        "",
                        List.of(),
                        OutreachSource.WELFARE_COMMISSIONER.name(),
                        c.raisedByName(),
                        OutreachOrigin.CONCERN.name(),
                        concern.toString(),
                        List.of(),
                        c.noticed(),
                        LocalDate.ofInstant(c.raisedAt(), Japan.ZONE).toString(),
                        actor.accountId().toString(),
                        List.of(),
                        "",
                        List.of(),
                        List.of(),
                        List.of());
                return newPersonPage(model, form, NewPersonForm.at(c.location()), c, Map.of());
            }
            householdId = c.householdId();
            origin = OutreachOrigin.CONCERN.name();
            originId = concern.toString();
            source = OutreachSource.WELFARE_COMMISSIONER.name();
            sourceDetail = c.raisedByName();
            worry = c.noticed();
            firstConcernOn = LocalDate.ofInstant(c.raisedAt(), Japan.ZONE).toString();
        } else if (kase != null) {
            origin = OutreachOrigin.CASE.name();
            originId = kase.toString();
        }
        if (householdId == null) {
            throw new NotFoundException("household", "none");
        }
        // the household must be one the user may change before the form shows anything of it
        people.household(householdId, "outreach");
        OutreachForm form = new OutreachForm(
                UUID.randomUUID().toString(),
                householdId.toString(),
                persons,
                source,
                sourceDetail,
                origin,
                originId,
                codes,
                worry,
                firstConcernOn,
                actor.accountId().toString(),
                List.of(),
                "",
                List.of(),
                List.of(),
                List.of());
        return openPage(model, form, Map.of());
    }

    @PostMapping("/outreach/new")
    String open(
            @ModelAttribute("form") OutreachForm form, @ModelAttribute("person") NewPersonForm person, Model model) {
        UUID householdId = uuid(form.householdId());
        UUID concernId = uuid(form.originId());
        if (householdId == null) {
            if (concernId == null || !OutreachOrigin.CONCERN.name().equals(form.origin())) {
                throw new NotFoundException("household", "none");
            }
            return openForNewPerson(form, person, concernId, model);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        OutreachSource source = enumOf(OutreachSource.class, form.source());
        if (source == null) {
            errors.put("source", "outreach.error.source");
        }
        OutreachOrigin origin = enumOf(OutreachOrigin.class, form.origin());
        if (origin == null) {
            errors.put("origin", "outreach.error.origin");
        }
        UUID lead = uuid(form.leadAccountId());
        if (lead == null) {
            errors.put("leadAccountId", "outreach.error.lead");
        }
        LocalDate first = date(form.firstConcernOn());
        if (first == null) {
            errors.put("firstConcernOn", "outreach.error.date");
        }
        List<UUID> persons = uuids(form.personIds());
        List<UUID> involved = uuids(form.involvedAgencyIds());
        UUID token = uuid(form.token());
        List<OpenOutreach.KeyPersonInput> keyPersons = new ArrayList<>();
        for (int i = 0; i < form.keyName().size(); i++) {
            String name = form.keyName().get(i);
            String relation = i < form.keyRelation().size() ? form.keyRelation().get(i) : "";
            String note = i < form.keyNote().size() ? form.keyNote().get(i) : "";
            if (name.length() > 100 || relation.length() > 100 || note.length() > 500) {
                errors.put("keyPersons", "outreach.error.tooLong");
            }
            if (!name.isBlank() || !relation.isBlank() || !note.isBlank()) {
                keyPersons.add(new OpenOutreach.KeyPersonInput(name, relation, note));
            }
        }
        if (form.worry().length() > 2000
                || form.sourceDetail().length() > 300
                || form.involvedNote().length() > 1000) {
            errors.put("worry", "outreach.error.tooLong");
        }
        if (!errors.isEmpty() || source == null || origin == null || lead == null || first == null) {
            // the household is read (and the access decided) before the form comes back with its errors
            people.household(householdId, "outreach");
            return openPage(model, form, errors);
        }
        try {
            OutreachView opened = outreach.open(new OpenOutreach(
                    token == null ? UUID.randomUUID() : token,
                    householdId,
                    persons,
                    source,
                    form.sourceDetail(),
                    origin,
                    uuid(form.originId()),
                    form.issueCodes(),
                    form.worry(),
                    first,
                    lead,
                    involved,
                    form.involvedNote(),
                    keyPersons));
            return "redirect:/outreach/" + opened.id() + "?done=opened";
        } catch (RuleViolation violation) {
            errors.put(violation.field() == null ? "global" : violation.field(), violation.messageKey());
            return openPage(model, form, errors);
        }
    }

    /** The record opened from a concern about someone not registered yet: the person is registered with it. */
    private String openForNewPerson(OutreachForm form, NewPersonForm person, UUID concernId, Model model) {
        ConcernView concern = concerns.get(concernId);
        Map<String, String> errors = new LinkedHashMap<>();
        OutreachSource source = enumOf(OutreachSource.class, form.source());
        if (source == null) {
            errors.put("source", "outreach.error.source");
        }
        UUID lead = uuid(form.leadAccountId());
        if (lead == null) {
            errors.put("leadAccountId", "outreach.error.lead");
        }
        LocalDate first = date(form.firstConcernOn());
        if (first == null) {
            errors.put("firstConcernOn", "outreach.error.date");
        }
        if (person.newFamilyName().isBlank()) {
            errors.put("newFamilyName", "outreach.error.newFamilyName");
        }
        if (person.newFamilyNameKana().isBlank()) {
            errors.put("newFamilyNameKana", "outreach.error.newFamilyNameKana");
        }
        Sex sex = enumOf(Sex.class, person.newSex());
        if (sex == null) {
            errors.put("newSex", "outreach.error.newSex");
        }
        LocalDate born = date(person.newBirthDate());
        if (!person.newBirthDate().isBlank() && born == null) {
            errors.put("newBirthDate", "outreach.error.date");
        }
        if (person.newFamilyName().length() > 50
                || person.newGivenName().length() > 50
                || person.newFamilyNameKana().length() > 100
                || person.newGivenNameKana().length() > 100
                || person.newAddress().length() > 300) {
            errors.put("newFamilyName", "outreach.error.tooLong");
        }
        List<OpenOutreach.KeyPersonInput> keyPersons = keyPersons(form, errors);
        if (form.worry().length() > 2000
                || form.sourceDetail().length() > 300
                || form.involvedNote().length() > 1000) {
            errors.put("worry", "outreach.error.tooLong");
        }
        if (!errors.isEmpty() || source == null || lead == null || first == null || sex == null) {
            return newPersonPage(model, form, person, concern, errors);
        }
        UUID token = uuid(form.token());
        try {
            OutreachView opened = outreach.openForNewPerson(new OpenForNewPerson(
                    token == null ? UUID.randomUUID() : token,
                    concernId,
                    new PersonCommand(
                            person.newFamilyName().strip(),
                            blank(person.newGivenName()),
                            person.newFamilyNameKana().strip(),
                            blank(person.newGivenNameKana()),
                            null,
                            sex,
                            born,
                            blank(person.newAddress()),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null),
                    source,
                    form.sourceDetail(),
                    form.issueCodes(),
                    form.worry(),
                    first,
                    lead,
                    uuids(form.involvedAgencyIds()),
                    form.involvedNote(),
                    keyPersons));
            return "redirect:/outreach/" + opened.id() + "?done=opened";
        } catch (RuleViolation violation) {
            String field = violation.field();
            errors.put(
                    field == null
                            ? "global"
                            : PERSON_FIELDS.contains(field)
                                    ? "new" + Character.toUpperCase(field.charAt(0)) + field.substring(1)
                                    : field,
                    violation.messageKey());
            return newPersonPage(model, form, person, concern, errors);
        }
    }

    /** The people module's fields of a person, which this form names with "new" in front. */
    private static final java.util.Set<String> PERSON_FIELDS = java.util.Set.of(
            "familyName", "givenName", "familyNameKana", "givenNameKana", "sex", "birthDate", "address");

    private static @Nullable String blank(String text) {
        return text.isBlank() ? null : text.strip();
    }

    private List<OpenOutreach.KeyPersonInput> keyPersons(OutreachForm form, Map<String, String> errors) {
        List<OpenOutreach.KeyPersonInput> keyPersons = new ArrayList<>();
        for (int i = 0; i < form.keyName().size(); i++) {
            String name = form.keyName().get(i);
            String relation = i < form.keyRelation().size() ? form.keyRelation().get(i) : "";
            String note = i < form.keyNote().size() ? form.keyNote().get(i) : "";
            if (name.length() > 100 || relation.length() > 100 || note.length() > 500) {
                errors.put("keyPersons", "outreach.error.tooLong");
            }
            if (!name.isBlank() || !relation.isBlank() || !note.isBlank()) {
                keyPersons.add(new OpenOutreach.KeyPersonInput(name, relation, note));
            }
        }
        return keyPersons;
    }

    private String newPersonPage(
            Model model, OutreachForm form, NewPersonForm person, ConcernView concern, Map<String, String> errors) {
        Actor actor = CurrentActor.get().orElseThrow();
        model.addAttribute("form", form);
        model.addAttribute("person", person);
        model.addAttribute("concern", concern);
        model.addAttribute("errors", errors);
        model.addAttribute("sexes", Sex.values());
        return formChoices(model, actor);
    }

    private String openPage(Model model, OutreachForm form, Map<String, String> errors) {
        UUID householdId = UUID.fromString(form.householdId());
        Actor actor = CurrentActor.get().orElseThrow();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("household", people.household(householdId, "outreach"));
        model.addAttribute(
                "members",
                people.members(householdId).stream().filter(MemberView::current).toList());
        return formChoices(model, actor);
    }

    /** The choices of the opening form: the agency's workers as leads, the active issue codes, sources, agencies. */
    private String formChoices(Model model, Actor actor) {
        model.addAttribute(
                "leads",
                colleagues.professionals().stream()
                        .filter(c -> c.agencyId().equals(actor.agencyId()))
                        .toList());
        model.addAttribute(
                "codes",
                consultations.issueCodesByCode().values().stream()
                        .filter(c -> c.active())
                        .toList());
        model.addAttribute("sources", OutreachSource.values());
        model.addAttribute(
                "agencies",
                directory.agencies().stream().filter(AgencyView::active).toList());
        return "outreach/form";
    }

    // ---- the record ------------------------------------------------------------------------------------------------

    @GetMapping("/outreach/{id}")
    String view(@PathVariable UUID id, @RequestParam(required = false) @Nullable String done, Model model) {
        OutreachView view = outreach.get(id);
        LocalDate today = Japan.today(clock);
        StageForm form = new StageForm(String.valueOf(view.version()), "", today.toString(), "", "", "");
        return viewPage(model, view, form, Map.of(), done);
    }

    @PostMapping("/outreach/{id}/stage")
    String moveStage(
            @PathVariable UUID id,
            @ModelAttribute("stageForm") StageForm form,
            Model model,
            RedirectAttributes redirect) {
        OutreachView view = outreach.get(id);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer version = integer(form.version());
        LocalDate on = date(form.changedOn());
        if (on == null) {
            errors.put("changedOn", "outreach.error.date");
        }
        if (form.toStage().isBlank()) {
            errors.put("toStage", "outreach.error.stage");
        }
        if (form.note().length() > 1000) {
            errors.put("note", "outreach.error.tooLong");
        }
        if (version == null) {
            errors.put("global", "error.staleEdit");
        }
        if (!errors.isEmpty() || on == null || version == null) {
            return viewPage(model, view, form, errors, null);
        }
        try {
            outreach.moveStage(
                    id,
                    new MoveStage(
                            version,
                            form.toStage(),
                            on,
                            enumOf(EndReason.class, form.endReason()),
                            enumOf(ConnectedTo.class, form.connectedTo()),
                            form.note()));
        } catch (RuleViolation violation) {
            errors.put(violation.field() == null ? "global" : violation.field(), violation.messageKey());
            return viewPage(model, view, form, errors, null);
        } catch (OptimisticLockingFailureException stale) {
            OutreachView newer = outreach.get(id);
            errors.put("global", "error.staleEdit");
            return viewPage(
                    model,
                    newer,
                    new StageForm(
                            String.valueOf(newer.version()),
                            form.toStage(),
                            form.changedOn(),
                            form.endReason(),
                            form.connectedTo(),
                            form.note()),
                    errors,
                    null);
        }
        return "redirect:/outreach/" + id + "?done=stage";
    }

    private String viewPage(
            Model model, OutreachView view, StageForm form, Map<String, String> errors, @Nullable String done) {
        LocalDate today = Japan.today(clock);
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, OutreachStage> stageList = stages.byCode();
        model.addAttribute("record", view);
        model.addAttribute("household", people.household(view.householdId(), "outreach"));
        Map<UUID, String> personNames = new LinkedHashMap<>();
        for (MemberView m : people.members(view.householdId())) {
            if (view.personIds().contains(m.person().id())) {
                personNames.put(m.person().id(), m.person().fullName());
            }
        }
        model.addAttribute("personNames", personNames);
        model.addAttribute("stages", stageList);
        model.addAttribute("codes", consultations.issueCodesByCode());
        model.addAttribute("agencyNames", directory.agencyNames());
        model.addAttribute("stageForm", form);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        model.addAttribute("today", today);
        model.addAttribute("endReasons", EndReason.values());
        model.addAttribute("connections", ConnectedTo.values());
        model.addAttribute("months", OutreachChart.attemptsPerMonth(view, today));
        model.addAttribute("daysSince", OutreachChart.daysSinceFirstConcern(view, today));
        model.addAttribute(
                "chart",
                OutreachChart.svg(
                        view, stageList, today, locale, messages.getMessage("outreach.chart.title", null, locale)));
        return "outreach/view";
    }

    // ---- attempts --------------------------------------------------------------------------------------------------

    @GetMapping("/outreach/{id}/attempts/new")
    String attemptForm(@PathVariable UUID id, Model model) {
        OutreachView view = outreach.get(id);
        LocalDateTime now = LocalDateTime.now(clock.withZone(Japan.ZONE));
        Actor actor = CurrentActor.get().orElseThrow();
        AttemptForm form = new AttemptForm(
                UUID.randomUUID().toString(),
                now.toLocalDate().toString(),
                now.toLocalTime().withSecond(0).withNano(0).toString(),
                "",
                actor.displayName(),
                "",
                "",
                "",
                "");
        return attemptPage(model, view, form, Map.of());
    }

    @PostMapping("/outreach/{id}/attempts")
    String recordAttempt(@PathVariable UUID id, @ModelAttribute("form") AttemptForm form, Model model) {
        OutreachView view = outreach.get(id);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = date(form.date());
        LocalTime time = time(form.time());
        if (date == null) {
            errors.put("date", "outreach.error.date");
        }
        if (time == null) {
            errors.put("time", "outreach.error.time");
        }
        AttemptMethod method = enumOf(AttemptMethod.class, form.method());
        if (method == null) {
            errors.put("method", "outreach.error.method");
        }
        AttemptOutcome outcome = enumOf(AttemptOutcome.class, form.outcome());
        if (outcome == null) {
            errors.put("outcome", "outreach.error.outcome");
        }
        LocalDate next = null;
        if (!form.nextContactOn().isBlank()) {
            next = date(form.nextContactOn());
            if (next == null) {
                errors.put("nextContactOn", "outreach.error.date");
            }
        }
        if (form.whoWent().length() > 300) {
            errors.put("whoWent", "outreach.error.tooLong");
        }
        if (form.learned().length() > 2000) {
            errors.put("learned", "outreach.error.tooLong");
        }
        if (form.nextStep().length() > 1000) {
            errors.put("nextStep", "outreach.error.tooLong");
        }
        UUID token = uuid(form.token());
        if (!errors.isEmpty() || date == null || time == null || method == null || outcome == null) {
            return attemptPage(model, view, form, errors);
        }
        try {
            outreach.recordAttempt(
                    id,
                    new RecordAttempt(
                            token == null ? UUID.randomUUID() : token,
                            LocalDateTime.of(date, time),
                            method,
                            form.whoWent(),
                            outcome,
                            form.learned(),
                            form.nextStep(),
                            next));
        } catch (RuleViolation violation) {
            String field = violation.field() == null
                    ? "global"
                    : "attemptedAt".equals(violation.field()) ? "date" : violation.field();
            errors.put(field, violation.messageKey());
            return attemptPage(model, view, form, errors);
        }
        return "redirect:/outreach/" + id + "?done=attempt";
    }

    private String attemptPage(Model model, OutreachView view, AttemptForm form, Map<String, String> errors) {
        model.addAttribute("record", view);
        model.addAttribute("household", people.household(view.householdId(), "outreach"));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("methods", AttemptMethod.values());
        model.addAttribute("outcomes", AttemptOutcome.values());
        return "outreach/attempt";
    }

    // ---- key persons -----------------------------------------------------------------------------------------------

    /** The people around the person, changed after opening. */
    @GetMapping("/outreach/{id}/key-persons")
    String keyPersonsForm(@PathVariable UUID id, Model model) {
        OutreachView view = outreach.get(id);
        return keyPersonsPage(model, view, KeyPersonsForm.of(view), Map.of());
    }

    @PostMapping("/outreach/{id}/key-persons")
    String updateKeyPersons(@PathVariable UUID id, @ModelAttribute("form") KeyPersonsForm form, Model model) {
        OutreachView view = outreach.get(id);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer version = integer(form.version());
        if (version == null) {
            errors.put("global", "error.staleEdit");
        }
        List<KeyPersonEdit> rows = new ArrayList<>();
        for (int i = 0; i < form.keyName().size(); i++) {
            String name = form.keyName().get(i);
            String relation = KeyPersonsForm.at(form.keyRelation(), i);
            String note = KeyPersonsForm.at(form.keyNote(), i);
            String keyId = KeyPersonsForm.at(form.keyId(), i);
            if (name.length() > 100 || relation.length() > 100 || note.length() > 500) {
                errors.put("keyPersons", "outreach.error.tooLong");
            }
            UUID existing = uuid(keyId);
            if (!keyId.isBlank() && existing == null) {
                errors.put("keyPersons", "outreach.error.keyPersonUnknown");
            }
            if (existing != null || !name.isBlank() || !relation.isBlank() || !note.isBlank()) {
                rows.add(new KeyPersonEdit(existing, name, relation, note));
            }
        }
        if (!errors.isEmpty() || version == null) {
            return keyPersonsPage(model, view, form, errors);
        }
        try {
            outreach.updateKeyPersons(id, version, rows);
        } catch (RuleViolation violation) {
            errors.put(violation.field() == null ? "global" : violation.field(), violation.messageKey());
            return keyPersonsPage(model, view, form, errors);
        } catch (OptimisticLockingFailureException stale) {
            OutreachView now = outreach.get(id);
            return keyPersonsPage(model, now, KeyPersonsForm.of(now), Map.of("global", "error.staleEdit"));
        }
        return "redirect:/outreach/" + id + "?done=keyPersons";
    }

    private String keyPersonsPage(Model model, OutreachView view, KeyPersonsForm form, Map<String, String> errors) {
        model.addAttribute("record", view);
        model.addAttribute("household", people.household(view.householdId(), "outreach"));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "outreach/key-persons";
    }

    // ---- reading input ---------------------------------------------------------------------------------------------

    static @Nullable UUID uuid(String text) {
        try {
            return text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException bad) {
            return null;
        }
    }

    static List<UUID> uuids(List<String> texts) {
        List<UUID> ids = new ArrayList<>();
        for (String t : texts) {
            UUID id = uuid(t);
            if (id != null && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    static @Nullable LocalDate date(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException bad) {
            return null;
        }
    }

    static @Nullable LocalTime time(String text) {
        try {
            return text.isBlank() ? null : LocalTime.parse(text.strip());
        } catch (DateTimeParseException bad) {
            return null;
        }
    }

    static @Nullable Integer integer(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException bad) {
            return null;
        }
    }

    static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, String name) {
        try {
            return name.isBlank() ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException bad) {
            return null;
        }
    }
}
