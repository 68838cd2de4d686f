package org.marugoto.shared.work;

/** A link of a work section: a message key for its text and a path inside the application. */
public record WorkLink(String labelKey, String href) {

    public WorkLink {
        if (!href.startsWith("/") || href.startsWith("//")) {
            throw new IllegalArgumentException("a work link stays inside the application: " + href);
        }
    }
}
