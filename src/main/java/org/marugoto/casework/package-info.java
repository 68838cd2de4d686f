/**
 * 多機関協働: multi-agency casework. A case of a household with a lead coordinator and a team, assessments and support
 * plans kept as versions, 重層的支援会議 and 支援会議 (Art. 106-6), progress records, closure and reopening. Case
 * content is visible only to the team and the municipality's coordinators; 支援会議 material only to its members.
 * See docs/decisions/0008-casework.md.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "access", "directory", "people", "consultation", "referral", "consent"
        })
@org.jspecify.annotations.NullMarked
package org.marugoto.casework;
