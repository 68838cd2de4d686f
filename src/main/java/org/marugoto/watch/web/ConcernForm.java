package org.marugoto.watch.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.watch.ConcernUrgency;

/** A volunteer's concern: about a watched household (requestId) or someone not known yet. */
public class ConcernForm {

    private @Nullable UUID requestId;

    @Size(max = 200)
    private String aboutWho = "";

    @Size(max = 300)
    private String location = "";

    @NotBlank
    @Size(max = 2000)
    private String noticed = "";

    @NotNull
    private @Nullable ConcernUrgency urgency = ConcernUrgency.ROUTINE;

    @NotNull
    private @Nullable UUID toAgencyId;

    public @Nullable UUID getRequestId() {
        return requestId;
    }

    public void setRequestId(@Nullable UUID requestId) {
        this.requestId = requestId;
    }

    public String getAboutWho() {
        return aboutWho;
    }

    public void setAboutWho(@Nullable String aboutWho) {
        this.aboutWho = aboutWho == null ? "" : aboutWho;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(@Nullable String location) {
        this.location = location == null ? "" : location;
    }

    public String getNoticed() {
        return noticed;
    }

    public void setNoticed(@Nullable String noticed) {
        this.noticed = noticed == null ? "" : noticed;
    }

    public @Nullable ConcernUrgency getUrgency() {
        return urgency;
    }

    public void setUrgency(@Nullable ConcernUrgency urgency) {
        this.urgency = urgency;
    }

    public @Nullable UUID getToAgencyId() {
        return toAgencyId;
    }

    public void setToAgencyId(@Nullable UUID toAgencyId) {
        this.toAgencyId = toAgencyId;
    }
}
