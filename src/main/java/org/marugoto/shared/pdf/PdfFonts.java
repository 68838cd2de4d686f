package org.marugoto.shared.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The fonts shipped in {@code src/main/resources/fonts/} (licences next to them): IPAex Gothic for everything, and VL
 * Gothic for the characters IPAex lacks (about 3,000 JIS X 0213 kanji such as the 𠮷 of 𠮷田, which appear in names).
 * Read once from the classpath; every document embeds only the glyphs it uses (a subset).
 */
final class PdfFonts {

    /** The CSS family of the main font; templates inherit it from the print stylesheet. */
    static final String MAIN_FAMILY = "IPAexGothic";

    /** The CSS family of the font for characters outside IPAex Gothic. */
    static final String FALLBACK_FAMILY = "VL Gothic";

    private static final EnumSet<FSFontUseCase> USE = EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_PRE);

    private record Font(String family, byte[] data) {}

    private final List<Font> fonts;
    private final TextExtractionRepair textRepair;

    PdfFonts() {
        this.fonts = List.of(
                new Font(MAIN_FAMILY, read("fonts/ipaexg.ttf")),
                new Font(FALLBACK_FAMILY, read("fonts/VL-Gothic-Regular.ttf")));
        this.textRepair = textRepair(fonts);
    }

    /** Repairs the text extraction of PDFs set in these fonts (see {@link TextExtractionRepair}). */
    TextExtractionRepair textRepair() {
        return textRepair;
    }

    private static TextExtractionRepair textRepair(List<Font> fonts) {
        Map<String, TrueTypeFont> byName = new LinkedHashMap<>();
        try {
            for (Font font : fonts) {
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font.data()));
                byName.put(ttf.getName(), ttf);
            }
            return TextExtractionRepair.of(byName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse the PDF fonts", e);
        } finally {
            for (TrueTypeFont ttf : byName.values()) {
                try {
                    ttf.close();
                } catch (IOException e) {
                    // read from memory: nothing to release
                }
            }
        }
    }

    /**
     * Registers the fonts for the document's own font families and, in this order, as fallbacks for any glyph the
     * requested family lacks, so that no text is set in a PDF base font without Japanese glyphs.
     */
    void register(PdfRendererBuilder builder) {
        for (Font font : fonts) {
            builder.useFont(
                    () -> new ByteArrayInputStream(font.data()), font.family(), 400, FontStyle.NORMAL, true, USE);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        }
    }
}
