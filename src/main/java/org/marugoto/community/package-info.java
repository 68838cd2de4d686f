/**
 * 地域づくり (community building): the groups behind places and activities, the activities themselves (居場所 and
 * volunteer opportunities) with their schedules, their review before publication, the residents' public pages without
 * login, and residents' interest messages to organisers. Holds no personal data of consultations.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "access", "area", "directory", "consultation", "casework"})
@org.jspecify.annotations.NullMarked
package org.marugoto.community;
