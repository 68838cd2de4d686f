package org.marugoto.directory.domain;

import java.util.List;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.ServiceView;

/** An agency found in the directory with those of its services that match the query. */
public record DirectoryHit(AgencyView agency, List<ServiceView> services) {

    public DirectoryHit {
        services = List.copyOf(services);
    }
}
