package org.marugoto.audit;

import java.util.Set;
import java.util.UUID;

/**
 * Lets the modules that hold personal data say which other records reveal a record's subject, so that "who saw this
 * person" also finds the reads of their household and consultations. Implemented by those modules, collected here.
 */
public interface RelatedRecords {

    Set<UUID> relatedTo(UUID recordId);
}
