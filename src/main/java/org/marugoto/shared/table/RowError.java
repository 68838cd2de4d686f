package org.marugoto.shared.table;

import java.util.List;

/**
 * One error of one row of an import file (line = the line in the file, the headings being line 1; 0 for the whole
 * file), as a message code and its arguments, so that the page shows it in the reader's language.
 */
public record RowError(int line, String column, String code, List<Object> args) {

    public RowError {
        args = List.copyOf(args);
    }
}
