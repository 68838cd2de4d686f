/**
 * The work queue of the home page: every module that gives a staff member something to do contributes a
 * {@link org.marugoto.shared.work.WorkQueue} bean, and the home page (in {@code access}) shows what they return without
 * depending on the modules. See decision 0022.
 */
@org.jspecify.annotations.NullMarked
package org.marugoto.shared.work;
