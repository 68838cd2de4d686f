/**
 * 参加支援: ways back into society. Roles and places (役割・出番) hosted by the directory's agencies, a person's wishes,
 * interests, strengths and limits, opportunities ranked for them with the reasons, matches that go 紹介 → 見学 → 体験 →
 * 定着 with host support and follow-ups, and the needs nothing met (社会資源開発), counted by area and kind. See
 * docs/decisions/0026-participation.md.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "access", "area", "directory", "people", "consultation", "casework"})
@org.jspecify.annotations.NullMarked
package org.marugoto.participation;
