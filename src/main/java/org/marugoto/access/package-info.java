/**
 * Staff accounts, roles, authentication and the access decision point that every module calls before it returns
 * personal data.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "directory"})
@org.jspecify.annotations.NullMarked
package org.marugoto.access;
