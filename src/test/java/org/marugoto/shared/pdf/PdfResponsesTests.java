package org.marugoto.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class PdfResponsesTests {

    static final byte[] PDF = "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII);

    @Test
    void inlinePdfWithAJapaneseNameThatNoCacheKeeps() {
        ResponseEntity<byte[]> response = PdfResponses.inline(PDF, "支援プラン_2026-0012.pdf");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo(PDF);
        HttpHeaders headers = response.getHeaders();
        assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(headers.getContentLength()).isEqualTo(PDF.length);
        assertThat(headers.getCacheControl()).isEqualTo("no-store");
        assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("inline; filename=\"_2026-0012.pdf\"; "
                        + "filename*=UTF-8''%E6%94%AF%E6%8F%B4%E3%83%97%E3%83%A9%E3%83%B3_2026-0012.pdf");
        // what a client reads back
        ContentDisposition parsed = headers.getContentDisposition();
        assertThat(parsed.isInline()).isTrue();
        assertThat(parsed.getFilename()).isEqualTo("支援プラン_2026-0012.pdf");
    }

    @Test
    void attachmentWithAnAsciiNameKeepsIt() {
        ContentDisposition parsed =
                PdfResponses.attachment(PDF, "plan 12.pdf").getHeaders().getContentDisposition();

        assertThat(parsed.isAttachment()).isTrue();
        assertThat(parsed.getFilename()).isEqualTo("plan 12.pdf");
        assertThat(PdfResponses.contentDisposition("attachment", "plan 12.pdf"))
                .isEqualTo("attachment; filename=\"plan 12.pdf\"; filename*=UTF-8''plan%2012.pdf");
    }

    @Test
    void headerInjectionAndPathsAreNeutralised() {
        String header = PdfResponses.contentDisposition("inline", "a\"b\r\nSet-Cookie: x=1/../𠮷.pdf");

        assertThat(header).doesNotContain("\r").doesNotContain("\n").doesNotContain("/");
        assertThat(header).startsWith("inline; filename=\"a_b_Set-Cookie: x=1_.._.pdf\";");
        assertThat(header).contains("filename*=UTF-8''a_b__Set-Cookie%3A%20x%3D1_.._%F0%A0%AE%B7.pdf");
        assertThat(PdfResponses.contentDisposition("inline", "  ")).contains("filename=\"document.pdf\"");
    }
}
