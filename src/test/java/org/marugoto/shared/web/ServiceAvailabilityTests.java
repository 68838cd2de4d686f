package org.marugoto.shared.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.shared.db.DatabaseAvailability;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** While the database does not answer, every page (sign-in included) says so with a translated 503. */
@MarugotoTest
class ServiceAvailabilityTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DatabaseAvailability database;

    @Test
    void pagesAndTheLoginPageAnswer503WhileTheDatabaseIsDown() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        database.connectionFailed();
        try {
            mvc.perform(get("/login"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(content().string(containsString("一時的に利用できません")))
                    .andExpect(content().string(containsString("入力した内容が残っています")));
            mvc.perform(get("/login").cookie(new Cookie("MARUGOTO_LANG", "en")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(containsString("Temporarily unavailable")));
            mvc.perform(get("/people"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(containsString("一時的に利用できません")));
            mvc.perform(get("/api/v1/hsds/services"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value(503));
            // static files and health stay served
            mvc.perform(get("/css/marugoto.css")).andExpect(status().isOk());
        } finally {
            ReflectionProbe.probe(database);
        }
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    /** Runs the scheduled probe now instead of waiting a second for it. */
    static final class ReflectionProbe {
        static void probe(DatabaseAvailability database) throws Exception {
            var probe = DatabaseAvailability.class.getDeclaredMethod("probe");
            probe.setAccessible(true);
            probe.invoke(database);
        }
    }
}
