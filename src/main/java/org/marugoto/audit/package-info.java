/**
 * The audit trail: who did what to which record, when, from where and why. Written in the same transaction as the
 * action it records, so that an action whose audit row cannot be written does not happen.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package org.marugoto.audit;
