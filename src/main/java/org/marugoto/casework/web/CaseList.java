package org.marugoto.casework.web;

import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Colleagues;
import org.marugoto.casework.CaseStatus;
import org.marugoto.casework.CaseView;
import org.marugoto.people.PeopleApi;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The case list of the 多機関協働 dashboard: filtered by state, sorted, and shown a page of {@link #PAGE_SIZE} at a
 * time, with the household's name (where the agency may read it) and the lead's name. The dashboard has read the
 * user's open cases already (one query); this adds two, whatever the page holds: the households' names and the staff
 * names.
 */
@Component
class CaseList {

    static final int PAGE_SIZE = 20;

    /** How the list is ordered. */
    enum Order {
        NEWEST,
        OLDEST,
        STATE
    }

    /** One page of the list. */
    record Page(List<CaseView> items, long total, int page) {

        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages();
        }
    }

    private final PeopleApi people;
    private final Colleagues colleagues;

    CaseList(PeopleApi people, Colleagues colleagues) {
        this.people = people;
        this.colleagues = colleagues;
    }

    /** Puts the page asked for into the model: {@code caseList}, its names, and the filter and order chosen. */
    void addTo(
            Model model, List<CaseView> cases, @Nullable String status, @Nullable String sort, @Nullable String page) {
        CaseStatus filter = parse(CaseStatus.class, status);
        Order order = order(sort);
        List<CaseView> matching = matching(cases, status, sort);
        int last = Math.max(0, (matching.size() - 1) / PAGE_SIZE);
        int number = Math.min(pageNumber(page), last);
        List<CaseView> items = matching.stream()
                .skip((long) number * PAGE_SIZE)
                .limit(PAGE_SIZE)
                .toList();
        model.addAttribute("caseList", new Page(items, matching.size(), number));
        model.addAttribute(
                "caseHouseholds",
                people.householdNames(items.stream().map(CaseView::householdId).toList()));
        model.addAttribute("leadNames", colleagues.professionalNames());
        model.addAttribute("caseStatus", filter);
        model.addAttribute("caseSort", order);
        model.addAttribute(
                "caseStatuses",
                java.util.Arrays.stream(CaseStatus.values())
                        .filter(CaseStatus::open)
                        .toList());
        model.addAttribute("caseOrders", Order.values());
    }

    /** The order chosen, newest first when none or an unknown one. */
    static Order order(@Nullable String sort) {
        Order order = parse(Order.class, sort);
        return order == null ? Order.NEWEST : order;
    }

    /** The state filtered on, or null for all. */
    static @Nullable CaseStatus status(@Nullable String status) {
        return parse(CaseStatus.class, status);
    }

    /** The cases of the list, filtered and sorted as the page shows them (all pages). */
    static List<CaseView> matching(List<CaseView> cases, @Nullable String status, @Nullable String sort) {
        CaseStatus filter = parse(CaseStatus.class, status);
        Comparator<CaseView> newest =
                Comparator.comparing(CaseView::openedAt).reversed().thenComparing(CaseView::caseNumber);
        Comparator<CaseView> comparator =
                switch (order(sort)) {
                    case NEWEST -> newest;
                    case OLDEST -> newest.reversed();
                    case STATE -> Comparator.comparing(CaseView::status).thenComparing(newest);
                };
        return cases.stream()
                .filter(c -> filter == null || c.status() == filter)
                .sorted(comparator)
                .toList();
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static int pageNumber(@Nullable String value) {
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
