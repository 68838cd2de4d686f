package org.marugoto.audit;

import java.util.Set;
import java.util.UUID;

/**
 * Lets the module that holds people and households find the records an auditor means by a name, a reading or a
 * household number, so that the trail can be searched without knowing ids. Implemented by that module, used here.
 */
public interface AuditSubjects {

    /** The people whose name or reading contains the text. */
    Set<UUID> peopleNamed(String text);

    /** The household with this number, if any. */
    Set<UUID> householdNumbered(String number);
}
