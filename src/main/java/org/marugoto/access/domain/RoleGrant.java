package org.marugoto.access.domain;

import java.util.UUID;
import org.marugoto.access.Role;
import org.springframework.data.relational.core.mapping.Table;

/** One role held by a staff account. */
@Table("staff_role")
record RoleGrant(UUID municipalityId, Role role) {}
