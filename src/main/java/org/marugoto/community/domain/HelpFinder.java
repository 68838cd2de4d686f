package org.marugoto.community.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.CounterView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.directory.ServiceView;
import org.springframework.stereotype.Service;

/**
 * "Find help" for residents: the directory's active services for a situation in everyday words, with the counters
 * where they are offered and their opening hours. Only directory data (agencies, counters, services) — nothing about
 * any person.
 */
@Service
public class HelpFinder {

    /** Situations in residents' words, each with the issue codes whose services help. */
    public enum Situation {
        /** 親の介護が心配 */
        PARENT_CARE(Set.of("CARE")),
        /** 仕事がない */
        NO_WORK(Set.of("WORK_WORRIES", "JOB_SEARCH")),
        /** お金や住まいが心配 */
        MONEY(Set.of("INCOME", "DEBT", "HOUSING", "RENT_LOAN")),
        /** 子育てがつらい */
        CHILD_REARING(Set.of("CHILDCARE")),
        /** 近所の人が心配 */
        NEIGHBOUR(Set.of("ISOLATION", "SELF_NEGLECT")),
        /** ひきこもり・こころの悩み */
        WITHDRAWN(Set.of("HIKIKOMORI")),
        /** どこに相談すればよいかわからない */
        DONT_KNOW(Set.of("OTHER"));

        private final Set<String> issueCodes;

        Situation(Set<String> issueCodes) {
            this.issueCodes = issueCodes;
        }

        public Set<String> issueCodes() {
            return issueCodes;
        }
    }

    /** A service that helps, its agency and where to go. */
    public record Help(AgencyView agency, ServiceView service, List<CounterView> counters) {

        /** The service's hours, else the first counter's. */
        public @Nullable String hours() {
            if (service.hours() != null) {
                return service.hours();
            }
            return counters.stream()
                    .map(CounterView::hours)
                    .filter(h -> h != null)
                    .findFirst()
                    .orElse(null);
        }

        public @Nullable String phone() {
            if (service.phone() != null) {
                return service.phone();
            }
            return counters.stream()
                    .map(CounterView::phone)
                    .filter(p -> p != null)
                    .findFirst()
                    .orElse(agency.phone());
        }
    }

    private final DirectoryApi directory;

    HelpFinder(DirectoryApi directory) {
        this.directory = directory;
    }

    public List<Help> forSituation(Situation situation) {
        List<Help> found = new ArrayList<>();
        for (AgencyView agency : directory.agencies()) {
            if (!agency.active()) {
                continue;
            }
            List<CounterView> counters = directory.counters(agency.id()).stream()
                    .filter(CounterView::active)
                    .toList();
            for (ServiceView service : directory.services(agency.id())) {
                if (service.active() && service.issueCodes().stream().anyMatch(situation.issueCodes()::contains)) {
                    List<CounterView> where = service.counterIds().isEmpty()
                            ? counters
                            : counters.stream()
                                    .filter(c -> service.counterIds().contains(c.id()))
                                    .toList();
                    found.add(new Help(agency, service, where));
                }
            }
        }
        return found;
    }
}
