package org.marugoto.access.web;

/** A second-factor code (or recovery code). */
public class MfaCodeForm {

    private String code = "";

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? "" : code.strip();
    }
}
