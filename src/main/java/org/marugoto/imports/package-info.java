/**
 * Imports (取り込み) of records from files: households and persons from a legacy system or a 住民基本台帳 extract, as
 * CSV or Excel. A file is read and checked row by row first (a preview with every error in Japanese, nothing saved);
 * then imported all or nothing, each person through the people module's own registration (the same normalisation and
 * checks as a typed one). The key the file carries for each person and household is kept, so that importing the same
 * file again changes nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "access", "area", "people"})
@org.jspecify.annotations.NullMarked
package org.marugoto.imports;
