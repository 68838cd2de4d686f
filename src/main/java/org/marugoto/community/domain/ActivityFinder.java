package org.marugoto.community.domain;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaLevel;
import org.marugoto.area.AreaView;
import org.marugoto.shared.Japan;
import org.marugoto.shared.text.JapaneseText;
import org.springframework.stereotype.Service;

/**
 * What residents look for among the published activities: by area (a 小学校区 and everything inside it, or a town
 * name typed), kind, weekday, target, free only, volunteer opportunities; this week's dates; a month's calendar. A
 * municipality publishes hundreds of entries, not millions: they are filtered in memory after one query.
 */
@Service
public class ActivityFinder {

    private final CommunityService community;
    private final AreaApi areas;
    private final Clock clock;

    ActivityFinder(CommunityService community, AreaApi areas, Clock clock) {
        this.community = community;
        this.areas = areas;
        this.clock = clock;
    }

    /** What a resident asks for; every part may be left out. */
    public record Criteria(
            @Nullable UUID areaId,
            @Nullable String town,
            @Nullable ActivityKind kind,
            @Nullable DayOfWeek weekday,
            @Nullable Target target,
            boolean freeOnly,
            boolean volunteerOnly) {

        public static Criteria none() {
            return new Criteria(null, null, null, null, null, false, false);
        }

        public boolean isEmpty() {
            return areaId == null
                    && (town == null || town.isBlank())
                    && kind == null
                    && weekday == null
                    && target == null
                    && !freeOnly
                    && !volunteerOnly;
        }
    }

    /** One date of one activity. */
    public record Dated(Activity activity, Schedule.Occurrence occurrence) {}

    public LocalDate today() {
        return Japan.today(clock);
    }

    /** The 小学校区 residents pick from, in the order of the area tree. */
    public List<AreaView> schoolDistricts() {
        return areas.tree().stream()
                .filter(AreaView::active)
                .filter(a -> a.level() == AreaLevel.ELEMENTARY_DISTRICT)
                .toList();
    }

    /** Each area's name by id, for the pages. */
    public Map<UUID, String> areaNames() {
        Map<UUID, String> names = new HashMap<>();
        areas.tree().forEach(a -> names.put(a.id(), a.name()));
        return names;
    }

    /** The 小学校区 an area lies in (itself when it is one), if any. */
    public @Nullable AreaView schoolDistrictOf(UUID areaId) {
        Map<UUID, AreaView> byId = new HashMap<>();
        areas.tree().forEach(a -> byId.put(a.id(), a));
        for (AreaView a = byId.get(areaId); a != null; a = a.parentId() == null ? null : byId.get(a.parentId())) {
            if (a.level() == AreaLevel.ELEMENTARY_DISTRICT) {
                return a;
            }
        }
        return null;
    }

    /** A published entry that is not closed. */
    public java.util.Optional<Activity> published(UUID id) {
        return community.published(id);
    }

    public List<Activity> search(Criteria criteria) {
        List<AreaView> tree = areas.tree();
        Set<UUID> inArea = criteria.areaId() == null ? null : descendants(tree, criteria.areaId());
        String town = criteria.town() == null || criteria.town().isBlank()
                ? null
                : JapaneseText.normalize(criteria.town()).replace(" ", "");
        Map<UUID, String> names = new HashMap<>();
        tree.forEach(a -> names.put(a.id(), a.name()));
        return community.published().stream()
                .filter(a -> inArea == null || inArea.contains(a.areaId()))
                .filter(a -> town == null || matchesTown(a, names, town))
                .filter(a -> criteria.kind() == null || a.kind() == criteria.kind())
                .filter(a ->
                        criteria.weekday() == null || a.schedule().weekdays().contains(criteria.weekday()))
                .filter(a -> criteria.target() == null
                        || a.targets().contains(criteria.target())
                        || a.targets().contains(Target.ANYONE))
                .filter(a -> !criteria.freeOnly() || a.free())
                .filter(a -> !criteria.volunteerOnly() || a.volunteer())
                .toList();
    }

    /** The dates of the matching activities from today for seven days, by date and time. */
    public List<Dated> thisWeek(Criteria criteria) {
        LocalDate today = today();
        return dated(search(criteria), today, today.plusDays(6));
    }

    /** The dates of the matching activities in a month, by date and time. */
    public List<Dated> month(Criteria criteria, YearMonth month) {
        return dated(search(criteria), month.atDay(1), month.atEndOfMonth());
    }

    private static List<Dated> dated(List<Activity> activities, LocalDate from, LocalDate to) {
        List<Dated> dates = new ArrayList<>();
        for (Activity a : activities) {
            if (a.status() != ActivityStatus.OPEN) {
                continue;
            }
            for (Schedule.Occurrence o : a.schedule().between(from, to)) {
                dates.add(new Dated(a, o));
            }
        }
        dates.sort(Comparator.comparing((Dated d) -> d.occurrence().date())
                .thenComparing(d -> d.occurrence().start())
                .thenComparing(d -> d.activity().name()));
        return dates;
    }

    private static boolean matchesTown(Activity a, Map<UUID, String> areaNames, String town) {
        String haystack = JapaneseText.normalize(
                        a.address() + " " + a.venue() + " " + areaNames.getOrDefault(a.areaId(), ""))
                .replace(" ", "");
        return haystack.contains(town);
    }

    static Set<UUID> descendants(List<AreaView> tree, UUID root) {
        Set<UUID> found = new HashSet<>();
        found.add(root);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (AreaView a : tree) {
                if (a.parentId() != null && found.contains(a.parentId()) && found.add(a.id())) {
                    grew = true;
                }
            }
        }
        return found;
    }
}
