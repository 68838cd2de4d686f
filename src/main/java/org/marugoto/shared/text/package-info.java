/**
 * Japanese text utilities for search: the application stores exactly what the user typed next to keys built by
 * these classes, and builds the same keys from the search query, so that width, kana script, romaji spelling,
 * variant kanji, era notation and address notation do not decide whether a person or household is found.
 *
 * <p>Plain Java without Spring, so that the keys are cheap to compute anywhere (entities, imports, tests).
 */
@org.jspecify.annotations.NullMarked
package org.marugoto.shared.text;
