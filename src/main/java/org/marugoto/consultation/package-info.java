/**
 * Intake at any counter (包括的相談支援, 断らない相談): a consultation about a household, its issues from a code list
 * the municipality can extend, the person's own words, consent to share, and the first response.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "directory", "access", "people", "consent"})
@org.jspecify.annotations.NullMarked
package org.marugoto.consultation;
