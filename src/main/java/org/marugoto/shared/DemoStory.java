package org.marugoto.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * One story of a demo loader that builds on another module's demo data (a household's team, a consent, a referral).
 * A demo city made by an earlier version may lack what the story needs; the application must still start on it, so
 * the story is then left out with a warning instead of failing the start.
 */
public final class DemoStory {

    private static final Logger log = LoggerFactory.getLogger(DemoStory.class);

    private DemoStory() {}

    public static void tell(String name, Runnable story) {
        try {
            story.run();
        } catch (AccessDeniedException | RuleViolation | NotFoundException e) {
            log.warn(
                    "Demo story '{}' left out: this demo city was made by an earlier version ({})",
                    name,
                    e.getMessage());
        }
    }
}
