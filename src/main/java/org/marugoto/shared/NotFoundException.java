package org.marugoto.shared;

/** A record that does not exist, or that the user may not know exists: both are answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String recordType, Object id) {
        super(recordType + " " + id + " not found");
    }
}
