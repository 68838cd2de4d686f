package org.marugoto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Test support for the list exports (decision 0033): a streamed download through MockMvc, and its CSV read back. */
public final class Downloads {

    private Downloads() {}

    /** The response, after the asynchronous write of a streamed body (StreamingResponseBody) when there is one. */
    public static MvcResult download(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        return result;
    }

    /**
     * The rows of an export's CSV: a byte order mark, CRLF lines, every cell quoted (the demo's texts hold no quote
     * followed by a comma).
     */
    public static List<List<String>> parseCsv(String text) {
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.substring(1).split("\r\n")) {
            if (!line.isEmpty()) {
                String inner = line.substring(1, line.length() - 1);
                rows.add(Arrays.stream(inner.split("\",\"", -1))
                        .map(c -> c.replace("\"\"", "\""))
                        .toList());
            }
        }
        return rows;
    }
}
