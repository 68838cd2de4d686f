/**
 * The directory of support agencies (支援関係機関) and their counters (相談窓口), later also services, places and
 * activities, aligned with Open Referral HSDS.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "area"})
@org.jspecify.annotations.NullMarked
package org.marugoto.directory;
