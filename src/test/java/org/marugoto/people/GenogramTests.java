package org.marugoto.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The household page draws a genogram as SVG: generations in rows, lines for partners and for parents and children,
 * the members living together enclosed, the deceased crossed out, with a title, a description and the members in
 * words.
 */
@MarugotoTest
class GenogramTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    Document household(String name, String username) throws Exception {
        UUID id = jdbc.sql("select id from household where name = ? order by case_number limit 1")
                .param(name)
                .query(UUID.class)
                .single();
        return Jsoup.parse(mvc.perform(get("/households/" + id).with(user(users.loadUserByUsername(username))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    static Element node(Element svg, String relationship) {
        return svg.selectFirst("g.genogram-node[data-relationship=" + relationship + "]");
    }

    static int attr(Element e, String name) {
        return Integer.parseInt(e.attr(name));
    }

    /** Whether a line of the drawing runs vertically at x from above y1 to y2 or beyond. */
    static boolean verticalAt(Elements lines, int x) {
        return lines.stream().anyMatch(l -> attr(l, "x1") == x && attr(l, "x2") == x);
    }

    @Test
    void threeGenerationsAreRowsJoinedByParentAndChildLines() throws Exception {
        Element svg = household("髙橋家", "caseworker3").getElementById("genogram");
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(svg.selectFirst("title").text()).isEqualTo("髙橋家のジェノグラム");
        assertThat(svg.selectFirst("desc").text()).contains("男性は四角").contains("同居");
        Element parent = node(svg, "PARENT");
        Element self = node(svg, "SELF");
        Element child = node(svg, "CHILD");
        assertThat(parent.selectFirst("text").text()).isEqualTo("髙橋 正雄");
        // a man is a square, a woman a circle; the key person has a double outline
        assertThat(parent.select("rect")).hasSize(1);
        assertThat(self.select("circle")).hasSize(2);
        assertThat(self.hasClass("genogram-node--self")).isTrue();
        // generations from top to bottom
        int parentY = attr(parent.selectFirst("text"), "y");
        int selfY = attr(self.selectFirst("text"), "y");
        int childY = attr(child.selectFirst("text"), "y");
        assertThat(parentY).isLessThan(selfY);
        assertThat(selfY).isLessThan(childY);
        // lines down from the parent to the key person, and from the key person to the child
        Elements lines = svg.select("line.genogram-line");
        int parentX = attr(parent.selectFirst("text"), "x");
        int selfX = attr(self.selectFirst("text"), "x");
        int childX = attr(child.selectFirst("text"), "x");
        assertThat(verticalAt(lines, parentX)).isTrue();
        assertThat(verticalAt(lines, selfX)).isTrue();
        assertThat(verticalAt(lines, childX)).isTrue();
        // all three live together: each row has its enclosure
        assertThat(svg.select("rect.genogram-together")).hasSize(3);
        // the text alternative lists the members in words
        Document page = household("髙橋家", "caseworker3");
        assertThat(page.getElementById("genogram-text")).isNotNull();
        assertThat(page.select(".genogram .genogram-member").eachText())
                .anySatisfy(t -> assertThat(t).contains("髙橋 正雄"));
    }

    @Test
    void theDeceasedSpouseIsCrossedOutAndJoinedByThePartnerLine() throws Exception {
        Element svg = household("月岡家", "caseworker").getElementById("genogram");
        Element spouse = node(svg, "SPOUSE");
        Element self = node(svg, "SELF");
        assertThat(spouse.hasClass("genogram-node--deceased")).isTrue();
        assertThat(spouse.select("line.genogram-cross")).hasSize(2);
        assertThat(self.hasClass("genogram-node--deceased")).isFalse();
        Element couple = svg.select("line.genogram-line").stream()
                .filter(l -> attr(l, "y1") == attr(l, "y2"))
                .findFirst()
                .orElseThrow();
        int selfX = attr(self.selectFirst("text"), "x");
        int spouseX = attr(spouse.selectFirst("text"), "x");
        assertThat(attr(couple, "x1")).isEqualTo(Math.min(selfX, spouseX));
        assertThat(attr(couple, "x2")).isEqualTo(Math.max(selfX, spouseX));
        assertThat(couple.hasClass("genogram-line--dashed")).isFalse();
        // only the living member is enclosed as living together
        Element box = svg.selectFirst("rect.genogram-together");
        assertThat(attr(box, "x")).isLessThan(selfX);
        assertThat(attr(box, "x") + attr(box, "width")).isGreaterThan(selfX).isLessThan(spouseX);
    }
}
