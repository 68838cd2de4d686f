package org.marugoto.shared.work;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One queue on the home page: a title, how many things wait, the first of them and the page with all of them.
 *
 * @param id the HTML id of the section (unique on the page, e.g. {@code referrals-to-answer})
 * @param order where it goes: lower first (00–99 urgent answers, 100–199 own follow-up work, 200–299 meetings and
 *     plans, 300–399 oversight, 400+ links and statistics)
 * @param titleKey message key of the heading
 * @param count how many things wait (may be more than {@code items} shows); null for a section of links only
 * @param items the first few things, each a link to where it is done
 * @param more the page with all of them, or null
 * @param links further actions (e.g. "raise a concern"), shown as buttons under the items
 * @param emptyKey message key shown when there is nothing to do
 */
public record WorkSection(
        String id,
        int order,
        String titleKey,
        @Nullable Long count,
        List<WorkItem> items,
        @Nullable WorkLink more,
        List<WorkLink> links,
        String emptyKey) {

    /** How many items a section shows at most; the rest are behind {@link #more}. */
    public static final int SHOWN = 5;

    /** A queue of items with its count, its first {@link #SHOWN} items and the link to all of them. */
    public static WorkSection queue(
            String id, int order, String titleKey, List<WorkItem> all, @Nullable WorkLink more, String emptyKey) {
        return new WorkSection(
                id,
                order,
                titleKey,
                (long) all.size(),
                all.stream().limit(SHOWN).toList(),
                more,
                List.of(),
                emptyKey);
    }

    /** A section of links only (e.g. the pages a planner works with). */
    public static WorkSection links(String id, int order, String titleKey, List<WorkLink> links) {
        return new WorkSection(id, order, titleKey, null, List.of(), null, links, "home.work.none");
    }

    public WorkSection withLinks(List<WorkLink> extra) {
        return new WorkSection(id, order, titleKey, count, items, more, extra, emptyKey);
    }

    public boolean hasMore() {
        return count != null && count > items.size();
    }
}
