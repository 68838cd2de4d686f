/**
 * 本人同意: consent as a record of its own (who gave it, to which agencies, for which purposes, how, until when) and its
 * withdrawal; sharing a household under a consent ends when the consent does.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "access", "directory", "people"})
@org.jspecify.annotations.NullMarked
package org.marugoto.consent;
