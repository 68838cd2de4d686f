package org.marugoto.shared.work;

import java.util.List;
import org.marugoto.shared.Actor;

/**
 * A module's part of the home page's work queue (what the user has to do now). The home page collects every bean of
 * this type, asks each for the sections of the signed-in user, and shows them in {@link WorkSection#order()}, so that
 * the page never depends on the modules that fill it (decision 0022).
 *
 * <p>An implementation returns no section for a user whose roles it does not serve, reads through its module's
 * access-checked and audited services as its own pages do (a section shows only what its page would show), and keeps
 * to a few queries: it runs on every visit of the home page. It must not throw for a user it does not serve.
 */
public interface WorkQueue {

    /** The sections for this user, possibly none. */
    List<WorkSection> sectionsFor(Actor actor);
}
