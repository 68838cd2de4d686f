/** A demo plan of Chiba City's shape for the fictional demo city. */
@org.jspecify.annotations.NullMarked
package org.marugoto.planning.demo;
