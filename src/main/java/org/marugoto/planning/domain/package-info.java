/** The plan, its measures and indicators, the yearly progress cycle, imports and reports. */
@org.jspecify.annotations.NullMarked
package org.marugoto.planning.domain;
