package org.marugoto.shared.pdf;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Sends a PDF from a controller:
 *
 * <pre>{@code
 * @GetMapping("/cases/{id}/plans/{version}.pdf")
 * ResponseEntity<byte[]> print(...) {
 *     byte[] pdf = pdfRenderer.render("casework/pdf/plan", Map.of("plan", plan), locale);
 *     return PdfResponses.inline(pdf, "支援プラン_" + plan.caseNumber() + ".pdf");
 * }
 * }</pre>
 *
 * The PDFs hold personal data: the response forbids every cache ({@code Cache-Control: no-store}). The file name is
 * sent in UTF-8 (RFC 6266 / RFC 5987 {@code filename*}) with an ASCII fallback for old clients. Browsers keep file
 * names in their download history: name the case or document number, never the person.
 */
public final class PdfResponses {

    private PdfResponses() {}

    /** The PDF, shown in the browser's viewer (the user can still save or print it). */
    public static ResponseEntity<byte[]> inline(byte[] pdf, String filename) {
        return response("inline", pdf, filename);
    }

    /** The PDF, offered as a download. */
    public static ResponseEntity<byte[]> attachment(byte[] pdf, String filename) {
        return response("attachment", pdf, filename);
    }

    private static ResponseEntity<byte[]> response(String disposition, byte[] pdf, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(pdf.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(disposition, filename))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(pdf);
    }

    /**
     * {@code inline; filename="plan_2026-0012.pdf"; filename*=UTF-8''%E6%94%AF...}: the plain parameter keeps only
     * printable ASCII (others become {@code _}), the extended one the whole name; line breaks, quotes, path separators
     * and control characters never reach the header.
     */
    static String contentDisposition(String disposition, String filename) {
        String name = filename.codePoints()
                .map(c -> Character.isISOControl(c) || c == '/' || c == '\\' || c == '"' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        if (name.isEmpty()) {
            name = "document.pdf";
        }
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F ? (char) c : '_'));
        String fallback = ascii.toString().replaceAll("_{2,}", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
        return disposition + "; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
