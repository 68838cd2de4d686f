/**
 * Reading files of rows that offices keep in spreadsheets: CSV (UTF-8 or Shift_JIS) and Excel workbooks, as text
 * cells, for every import of the application (persons and households, the directory, places and activities, the
 * plan's measures, the population per area). Plain Java without Spring.
 */
@org.jspecify.annotations.NullMarked
package org.marugoto.shared.table;
