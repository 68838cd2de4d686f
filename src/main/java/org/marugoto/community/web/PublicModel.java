package org.marugoto.community.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the residents' layout needs on every page: whether ふりがな is on, and the page's own address to come back to. */
@ControllerAdvice(assignableTypes = {PublicController.class, OpenDataController.class})
class PublicModel {

    private final MessageSource messages;
    private final Furigana furigana;

    PublicModel(MessageSource messages, Furigana furigana) {
        this.messages = messages;
        this.furigana = furigana;
    }

    /**
     * A message by key as HTML with its readings as ruby when ふりがな is on ({@code ruby['public.siteName']}), and as
     * plain words ({@code plain[...]}). Maps, because templates may not call methods in unescaped output.
     */
    record Messages(MessageSource messages, Furigana furigana, Locale locale, boolean ruby, boolean html)
            implements Map<String, String> {

        @Override
        public String get(Object key) {
            String text = java.util.Objects.requireNonNullElse(
                    messages.getMessage(String.valueOf(key), null, String.valueOf(key), locale), String.valueOf(key));
            return html ? furigana.html(text, ruby && "ja".equals(locale.getLanguage())) : furigana.plain(text);
        }

        @Override
        public boolean containsKey(Object key) {
            return true;
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public boolean containsValue(Object value) {
            return false;
        }

        @Override
        public String put(String key, String value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String remove(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putAll(Map<? extends String, ? extends String> m) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> keySet() {
            return Set.of();
        }

        @Override
        public Collection<String> values() {
            return List.of();
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return Set.of();
        }
    }

    @ModelAttribute
    void common(HttpServletRequest request, Model model, Locale locale) {
        boolean ruby = false;
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (PublicController.RUBY_COOKIE.equals(c.getName()) && "1".equals(c.getValue())) {
                    ruby = true;
                }
            }
        }
        model.addAttribute("furigana", ruby);
        model.addAttribute("ruby", new Messages(messages, furigana, locale, ruby, true));
        model.addAttribute("plain", new Messages(messages, furigana, locale, ruby, false));
        String query = request.getQueryString();
        model.addAttribute(
                "here", request.getRequestURI() + (query == null || query.contains("lang=") ? "" : "?" + query));
    }
}
