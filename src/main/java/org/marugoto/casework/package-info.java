/**
 * 多機関協働: multi-agency casework. A case of a household with a lead coordinator and a team, assessments and support
 * plans kept as versions, 重層的支援会議 and 支援会議 (Art. 106-6), progress records, closure and reopening. Case
 * content is visible only to the team and the municipality's coordinators; 支援会議 material only to its members.
 *
 * <p>The module is organised by what a person does with a case: {@code domain.CaseService} (the case as a whole),
 * {@code CaseTeamService}, {@code AssessmentService}, {@code PlanService}, {@code ConferenceService},
 * {@code ProgressService} and {@code ClosureService}, each with its controller in {@code web/} and its forms as
 * records. The types at this root are what other modules and the templates see. See
 * docs/decisions/0008-casework.md and docs/decisions/0023-casework-structure-and-record-forms.md.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "access", "directory", "people", "consultation", "referral", "consent"
        })
@org.jspecify.annotations.NullMarked
package org.marugoto.casework;
