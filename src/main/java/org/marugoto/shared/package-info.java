/**
 * The small open kernel every module builds on: tenant and id types, the current actor, Japanese text and date
 * utilities, the database bootstrap (embedded or external PostgreSQL) and the web layout.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.marugoto.shared;
