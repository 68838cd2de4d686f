package org.marugoto.area;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.area.domain.AreaCommand;
import org.marugoto.area.domain.AreaService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

@MarugotoTest
class PopulationControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AreaService areas;

    private void area(String code) {
        if (areas.findByCode(code).isEmpty()) {
            AreaView north = areas.findByCode("N").orElseThrow();
            areas.create(new AreaCommand(
                    north.id(), AreaLevel.JUNIOR_HIGH_DISTRICT, code, "画面" + code, null, null, null, true));
        }
    }

    @Test
    @WithUserDetails("admin")
    void previewsWithTheRowErrorsInJapaneseThenSavesTheFixedFile() throws Exception {
        area("PC1");
        String header = "地域コード,基準日,年齢区分,人口,高齢単身世帯数\n";
        MockMultipartFile bad = new MockMultipartFile(
                "file",
                "pop.csv",
                "text/csv",
                (header + "PC1,2003-04-01,60-70,10,\n").getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/admin/areas/population").file(bad).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("誤りが1件あるため取り込めません。")))
                .andExpect(content().string(containsString("年齢区分「60-70」は65歳をまたいでいます。")))
                .andExpect(content().string(not(containsString("id=\"save-import\""))));

        byte[] fixed = (header + "PC1,2003-04-01,0-64,90,\nPC1,2003-04-01,65+,10,4\n").getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/admin/areas/population")
                        .file(new MockMultipartFile("file", "pop.csv", "text/csv", fixed))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("新規 2行・変更 0行・変更なし 0行")))
                .andExpect(content().string(containsString("id=\"save-import\"")));
        mvc.perform(post("/admin/areas/population/save")
                        .param("filename", "pop.csv")
                        .param("content", Base64.getEncoder().encodeToString(fixed))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/areas/population"))
                .andExpect(flash().attribute("importedNew", 2L));
        mvc.perform(get("/admin/areas/population"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2003-04-01")));
    }

    @Test
    @WithUserDetails("admin")
    void noFileIsAnsweredWithAMessage() throws Exception {
        mvc.perform(post("/admin/areas/population").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ファイルを選んでください。")));
        mvc.perform(post("/admin/areas/population/save").param("content", "%%%").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ファイルを選んでください。")));
        // the shared file field shows the message at the field, in the reader's language
        mvc.perform(post("/admin/areas/population").param("lang", "en").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"file-error\"")))
                .andExpect(content().string(containsString("Choose a file.")));
    }

    @Test
    @WithUserDetails("csw")
    void othersAreRefused() throws Exception {
        mvc.perform(get("/admin/areas/population")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/areas/population/save")
                        .param("content", "eA==")
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }
}
