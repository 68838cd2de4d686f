package org.marugoto.casework.web;

import static org.marugoto.shared.text.Texts.orEmpty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.casework.PlanStatus;
import org.marugoto.casework.PlanView;
import org.marugoto.shared.web.FormValues;

/**
 * The support plan editor (支援プラン): the plan's aim and period and its goals, each with its actions. Goals and
 * actions are nested records bound from indexed fields ({@code goals[1].actions[2].dueDate}); a row removed in the
 * browser leaves a gap in the indexes, which arrives as a missing element and is dropped here. Dates stay texts until
 * the controller reads them, so a wrong date comes back to the page as typed, with its message.
 */
record PlanForm(
        @Nullable Integer draftVersion,
        @Nullable UUID personId,
        String aim,
        String participationNeeds,
        String outreachNeeds,
        String periodFrom,
        String periodTo,
        String reviewDate,
        List<Goal> goals,
        List<UUID> outreachIds,
        List<UUID> participationIds) {

    PlanForm {
        aim = Objects.requireNonNullElse(aim, "");
        participationNeeds = Objects.requireNonNullElse(participationNeeds, "");
        outreachNeeds = Objects.requireNonNullElse(outreachNeeds, "");
        periodFrom = Objects.requireNonNullElse(periodFrom, "");
        periodTo = Objects.requireNonNullElse(periodTo, "");
        reviewDate = Objects.requireNonNullElse(reviewDate, "");
        goals = FormValues.list(goals);
        outreachIds = FormValues.list(outreachIds);
        participationIds = FormValues.list(participationIds);
    }

    /** One goal (目標) and the issue it answers, with the person's own part and the actions that support it. */
    record Goal(String issue, String goal, String personRole, List<Action> actions) {

        Goal {
            issue = Objects.requireNonNullElse(issue, "");
            goal = Objects.requireNonNullElse(goal, "");
            personRole = Objects.requireNonNullElse(personRole, "");
            actions = FormValues.list(actions);
        }

        static Goal empty() {
            return new Goal("", "", "", List.of(Action.empty()));
        }

        boolean blank() {
            return issue.isBlank() && goal.isBlank() && actions.stream().allMatch(Action::blank);
        }

        Goal withActions(List<Action> actions) {
            return new Goal(issue, goal, personRole, actions);
        }
    }

    /** One action (支援内容): who does what, by when and how often. */
    record Action(
            String description,
            @Nullable UUID agencyId,
            @Nullable UUID accountId,
            String dueDate,
            String frequency) {

        Action {
            description = Objects.requireNonNullElse(description, "");
            dueDate = Objects.requireNonNullElse(dueDate, "");
            frequency = Objects.requireNonNullElse(frequency, "");
        }

        static Action empty() {
            return new Action("", null, null, "", "");
        }

        boolean blank() {
            return description.isBlank();
        }
    }

    /** A new plan's form: no goals yet, running six months from today with a review after three. */
    static PlanForm fresh(LocalDate today) {
        return new PlanForm(
                null,
                null,
                "",
                "",
                "",
                today.toString(),
                today.plusMonths(6).toString(),
                today.plusMonths(3).toString(),
                List.of(),
                List.of(),
                List.of());
    }

    /** The form that edits the draft, or starts a new draft from the plan in force. */
    static PlanForm from(PlanView source) {
        List<Goal> goals = source.goals().stream()
                .map(g -> new Goal(
                        g.issue(),
                        g.goal(),
                        orEmpty(g.personRole()),
                        g.actions().stream()
                                .map(a -> new Action(
                                        a.description(),
                                        a.agencyId(),
                                        a.accountId(),
                                        a.dueDate().toString(),
                                        orEmpty(a.frequency())))
                                .toList()))
                .toList();
        return new PlanForm(
                source.status() == PlanStatus.DRAFT ? source.version() : null,
                source.personId(),
                source.aim(),
                orEmpty(source.participationNeeds()),
                orEmpty(source.outreachNeeds()),
                source.periodFrom().toString(),
                source.periodTo().toString(),
                source.reviewDate().toString(),
                goals,
                source.outreachIds(),
                source.participationIds());
    }

    PlanForm withGoals(List<Goal> goals) {
        return new PlanForm(
                draftVersion,
                personId,
                aim,
                participationNeeds,
                outreachNeeds,
                periodFrom,
                periodTo,
                reviewDate,
                goals,
                outreachIds,
                participationIds);
    }

    PlanForm withPerson(@Nullable UUID personId) {
        return new PlanForm(
                draftVersion,
                personId,
                aim,
                participationNeeds,
                outreachNeeds,
                periodFrom,
                periodTo,
                reviewDate,
                goals,
                outreachIds,
                participationIds);
    }

    /**
     * The form as the editor shows it: at least one goal, and every goal with at least one action row, so that there
     * is always a place to start writing. More rows come from the "add" buttons.
     */
    PlanForm withRoomToWrite() {
        if (goals.isEmpty()) {
            return withGoals(List.of(Goal.empty()));
        }
        return withGoals(goals.stream()
                .map(g -> g.actions().isEmpty() ? g.withActions(List.of(Action.empty())) : g)
                .toList());
    }

    /**
     * Applies a row change asked for by an "add" or "remove" button: {@code goal}, {@code action:G}, {@code
     * remove-goal:G} or {@code remove-action:G:A}. Anything else leaves the form as it is.
     */
    PlanForm change(String request) {
        String[] parts = request.split(":");
        List<Goal> rows = new ArrayList<>(goals);
        try {
            switch (parts[0]) {
                case "goal" -> rows.add(Goal.empty());
                case "action" -> rows.set(index(parts[1]), addAction(rows.get(index(parts[1]))));
                case "remove-goal" -> rows.remove(index(parts[1]));
                case "remove-action" -> rows.set(index(parts[1]), removeAction(rows.get(index(parts[1])), parts[2]));
                default -> {
                    return this;
                }
            }
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            return this;
        }
        return withGoals(rows);
    }

    private static Goal addAction(Goal goal) {
        List<Action> actions = new ArrayList<>(goal.actions());
        actions.add(Action.empty());
        return goal.withActions(actions);
    }

    private static Goal removeAction(Goal goal, String index) {
        List<Action> actions = new ArrayList<>(goal.actions());
        actions.remove(index(index));
        return goal.withActions(actions);
    }

    private static int index(String value) {
        return Integer.parseInt(value);
    }
}
