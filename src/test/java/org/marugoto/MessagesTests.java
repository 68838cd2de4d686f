package org.marugoto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every message exists in Japanese and in English, with no key in one language only. */
class MessagesTests {

    @Test
    void japaneseAndEnglishHaveTheSameKeys() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        int bundles = 0;
        for (String pattern : new String[] {"classpath:messages_ja.properties", "classpath:i18n/*_ja.properties"}) {
            for (Resource ja : resolver.getResources(pattern)) {
                String name = ja.getFilename();
                Resource en = ja.createRelative(name.replace("_ja.properties", "_en.properties"));
                assertThat(en.exists()).as(name + " has an English twin").isTrue();
                Set<String> jaKeys = keys(ja);
                Set<String> enKeys = keys(en);
                assertThat(enKeys).as("keys of " + name + " in English").isEqualTo(jaKeys);
                bundles++;
            }
        }
        assertThat(bundles).isGreaterThanOrEqualTo(2);
    }

    private static Set<String> keys(Resource resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource.getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
