package org.marugoto.referral;

import org.marugoto.directory.AgencyView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.directory.domain.AgencyCommand;
import org.marugoto.directory.domain.DirectoryService;

/** Test set-up shared by the referral tests. */
final class ReferralFixtures {

    private ReferralFixtures() {}

    /** Gives the demo agency {@code code} an e-mail address (as an administrator must be acting) and returns it. */
    static AgencyView withMail(DirectoryApi directory, DirectoryService admin, String code, String email) {
        AgencyView agency = directory.agencyByCode(code).orElseThrow();
        admin.updateAgency(
                agency.id(),
                agency.version(),
                new AgencyCommand(
                        agency.code(),
                        agency.name(),
                        agency.nameKana(),
                        agency.kind(),
                        agency.areaId(),
                        agency.address(),
                        agency.phone(),
                        email,
                        agency.description(),
                        agency.acceptsReferrals(),
                        agency.active()));
        return agency;
    }
}
