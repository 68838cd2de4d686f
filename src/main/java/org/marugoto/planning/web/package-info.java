/** The planner's and the departments' screens, the downloads and the public pages of the plan. */
@org.jspecify.annotations.NullMarked
package org.marugoto.planning.web;
