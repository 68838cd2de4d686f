package org.marugoto.community.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * ふりがな for the residents' pages. Messages mark readings as {@code {居場所|いばしょ}}; {@link #html} renders them as
 * {@code <ruby>} when the visitor turned ふりがな on, and as the plain words otherwise. Everything else is escaped.
 */
@Component("furigana")
class Furigana {

    private static final Pattern MARK = Pattern.compile("\\{([^|{}]+)\\|([^|{}]+)}");

    /** Escaped HTML of the marked text, with ruby when {@code on}. */
    public String html(String marked, boolean on) {
        Matcher m = MARK.matcher(marked);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(HtmlUtils.htmlEscape(marked.substring(last, m.start())));
            String base = HtmlUtils.htmlEscape(m.group(1));
            if (on) {
                out.append("<ruby>")
                        .append(base)
                        .append("<rp>(</rp><rt>")
                        .append(HtmlUtils.htmlEscape(m.group(2)))
                        .append("</rt><rp>)</rp></ruby>");
            } else {
                out.append(base);
            }
            last = m.end();
        }
        out.append(HtmlUtils.htmlEscape(marked.substring(last)));
        return out.toString();
    }

    /** The words without their readings (for titles and attributes). */
    public String plain(String marked) {
        return MARK.matcher(marked).replaceAll("$1");
    }
}
