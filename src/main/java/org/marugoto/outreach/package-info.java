/**
 * アウトリーチ等を通じた継続的支援: long work with people who do not ask for help. An outreach record of a household
 * (how the concern came, what is worried about, the people around, the lead agency and worker), its engagement stages
 * with their dated history, the attempts log, overdue next contacts, and a timeline. The lead agency's record; works
 * before consent. See docs/decisions/0020-outreach.md.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "access", "directory", "people", "consultation", "watch", "casework"})
@org.jspecify.annotations.NullMarked
package org.marugoto.outreach;
