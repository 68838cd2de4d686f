/**
 * Persons and households (世帯) with their members, relationships and history; Japanese names and readings; search
 * and duplicate detection (名寄せ) over normalised keys. Other modules add their sections to the household page
 * through {@link org.marugoto.people.HouseholdSection}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "area", "directory", "access"})
@org.jspecify.annotations.NullMarked
package org.marugoto.people;
