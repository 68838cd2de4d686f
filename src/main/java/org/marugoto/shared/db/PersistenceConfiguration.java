package org.marugoto.shared.db;

import java.util.Optional;
import org.marugoto.shared.CurrentActor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jdbc.repository.config.EnableJdbcAuditing;

/** Fills {@code created_by}/{@code updated_by} and the timestamps of every aggregate from the acting user. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcAuditing
class PersistenceConfiguration {

    @Bean
    AuditorAware<String> auditorAware() {
        return () -> Optional.of(CurrentActor.username());
    }
}
