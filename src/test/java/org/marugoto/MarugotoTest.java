package org.marugoto;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port, with a fresh embedded PostgreSQL in a temporary directory and the demo
 * municipality loaded. Every test class uses the same configuration, so all share one application context. The
 * application's clock is the {@link TestClock}, which tests move instead of sleeping.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "marugoto.db.embedded.temporary=true",
            "marugoto.demo.enabled=true",
            "spring.mail.host=localhost",
            "spring.mail.port=3025",
            // tests call the overdue detection themselves; the schedule must not race them
            "marugoto.referral.overdue-check=1h"
        })
@AutoConfigureMockMvc
@Import(TestClock.Registration.class)
public @interface MarugotoTest {}
