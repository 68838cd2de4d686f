package org.marugoto.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marugoto.access.ReauthenticationRequired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ReauthenticationHandlingTests {

    final ReauthenticationHandling handling = new ReauthenticationHandling();

    @Test
    void aGetReturnsToItsOwnAddressWithTheQuery() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/people/export");
        request.setQueryString("area=north&format=csv");
        MockHttpServletResponse response = new MockHttpServletResponse();
        handling.reauthenticate(new ReauthenticationRequired("bulk export"), request, response);
        assertThat(response.getRedirectedUrl())
                .isEqualTo("/reauth?next=%2Fpeople%2Fexport%3Farea%3Dnorth%26format%3Dcsv");
        assertThat(request.getSession().getAttribute(SessionReauthentication.PURPOSE_ATTRIBUTE))
                .isEqualTo("bulk export");
    }

    @Test
    void aPostReturnsToTheLocalPathOfTheReferringPageOnly() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/admin/staff/1");
        request.addHeader("Referer", "https://evil.example/admin/staff/1?x=1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        handling.reauthenticate(new ReauthenticationRequired("role change"), request, response);
        assertThat(response.getRedirectedUrl()).isEqualTo("/reauth?next=%2Fadmin%2Fstaff%2F1%3Fx%3D1");
    }

    @Test
    void htmxRequestsAreToldToChangeTheWholePage() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/households/1/members");
        request.addHeader("HX-Request", "true");
        request.addHeader("HX-Current-URL", "http://localhost:8080/households/1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        handling.reauthenticate(new ReauthenticationRequired("protected address"), request, response);
        assertThat(response.getHeader("HX-Redirect")).isEqualTo("/reauth?next=%2Fhouseholds%2F1");
    }

    @Test
    void onlyLocalPathsAreReturnAddresses() {
        assertThat(LocalPath.orHome("/people?q=a")).isEqualTo("/people?q=a");
        assertThat(LocalPath.orHome("https://evil.example")).isEqualTo("/");
        assertThat(LocalPath.orHome("//evil.example")).isEqualTo("/");
        assertThat(LocalPath.orHome("/\\evil.example")).isEqualTo("/");
        assertThat(LocalPath.orHome("/a\r\nLocation: x")).isEqualTo("/");
        assertThat(LocalPath.orHome("/reauth?next=/x")).isEqualTo("/");
        assertThat(LocalPath.orHome(null)).isEqualTo("/");
    }
}
