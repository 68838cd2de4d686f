package org.marugoto.shared;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events whose listeners failed (an e-mail server that was down): every minute, the incomplete
 * publications older than a minute are resubmitted. Outstanding ones are also resubmitted at every start
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Component
class EventRetry {

    private final IncompleteEventPublications incomplete;
    private final Duration age;
    private final ClusterJobs jobs;

    EventRetry(
            IncompleteEventPublications incomplete,
            @Value("${marugoto.events.retry-after:1m}") Duration age,
            ClusterJobs jobs) {
        this.incomplete = incomplete;
        this.age = age;
        this.jobs = jobs;
    }

    @Scheduled(
            initialDelayString = "${marugoto.events.retry-after:1m}",
            fixedDelayString = "${marugoto.events.retry-after:1m}")
    void retry() {
        // one node at a time: two nodes resubmitting the same publication would deliver it twice
        jobs.runAlone("event-retry", () -> {
            incomplete.resubmitIncompletePublicationsOlderThan(age);
            return 0;
        });
    }
}
