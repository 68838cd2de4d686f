package org.marugoto.access.web;

/** The re-authentication form: password, the second factor's code when the user has one, and where to go next. */
public class ReauthForm {

    private String password = "";
    private String code = "";
    private String next = "/";

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? "" : code.strip();
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = LocalPath.orHome(next);
    }
}
