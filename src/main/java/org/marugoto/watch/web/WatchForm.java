package org.marugoto.watch.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.watch.WatchBasis;

/** Asking a volunteer to watch a household. */
public class WatchForm {

    @NotNull
    private @Nullable UUID volunteerId;

    @NotBlank
    @Size(max = 1000)
    private String watchFor = "";

    @NotBlank
    @Size(max = 200)
    private String frequency = "";

    private String validUntil = "";

    @NotNull
    private @Nullable WatchBasis basis;

    @Size(max = 300)
    private String basisNote = "";

    @Size(max = 1000)
    private String sharedNote = "";

    public @Nullable UUID getVolunteerId() {
        return volunteerId;
    }

    public void setVolunteerId(@Nullable UUID volunteerId) {
        this.volunteerId = volunteerId;
    }

    public String getWatchFor() {
        return watchFor;
    }

    public void setWatchFor(@Nullable String watchFor) {
        this.watchFor = watchFor == null ? "" : watchFor;
    }

    public String getFrequency() {
        return frequency;
    }

    public void setFrequency(@Nullable String frequency) {
        this.frequency = frequency == null ? "" : frequency;
    }

    public String getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(@Nullable String validUntil) {
        this.validUntil = validUntil == null ? "" : validUntil;
    }

    public @Nullable WatchBasis getBasis() {
        return basis;
    }

    public void setBasis(@Nullable WatchBasis basis) {
        this.basis = basis;
    }

    public String getBasisNote() {
        return basisNote;
    }

    public void setBasisNote(@Nullable String basisNote) {
        this.basisNote = basisNote == null ? "" : basisNote;
    }

    public String getSharedNote() {
        return sharedNote;
    }

    public void setSharedNote(@Nullable String sharedNote) {
        this.sharedNote = sharedNote == null ? "" : sharedNote;
    }
}
