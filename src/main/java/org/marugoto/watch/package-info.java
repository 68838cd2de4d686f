/**
 * The volunteers' (民生委員・児童委員) narrow view: watch requests (見守り依頼) from a professional to a named volunteer
 * about a household, and the concerns (気になること) volunteers raise with an agency. A volunteer reads a household
 * only through an active request naming them (decided by the access module through
 * {@link org.marugoto.access.WatchedHouseholds}), and sees only names, ages, the (maskable) address, the request and
 * the notes shared with them.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "access", "directory", "people", "consultation", "consent"})
@org.jspecify.annotations.NullMarked
package org.marugoto.watch;
