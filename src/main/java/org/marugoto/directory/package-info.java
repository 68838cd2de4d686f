/**
 * The directory of support agencies (支援関係機関), their counters (相談窓口) and the services they offer, searched by
 * staff to find where a person can be helped and exported as Open Referral HSDS 3.0; later also places and activities.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "area"})
@org.jspecify.annotations.NullMarked
package org.marugoto.directory;
