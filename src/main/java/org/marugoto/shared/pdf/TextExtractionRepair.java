package org.marugoto.shared.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Makes the text of a PDF copy, search and read aloud as the kanji it shows. The IPA fonts draw 用 (U+7528) and the
 * Kangxi radical ⽤ (U+2F64) with one glyph; PDFBox writes the lowest code point of a glyph into the font's ToUnicode
 * map, so 用, 月, 一, 日, 人, 目... would extract as radicals. This rewrites the map of each embedded subset to the
 * ideograph that shares the glyph.
 */
final class TextExtractionRepair {

    /** Per font (PostScript name): radical code point → the ideograph drawn with the same glyph. */
    private final Map<String, Map<Integer, Integer>> ideographs;

    private TextExtractionRepair(Map<String, Map<Integer, Integer>> ideographs) {
        this.ideographs = ideographs;
    }

    static TextExtractionRepair of(Map<String, TrueTypeFont> fontsByName) {
        Map<String, Map<Integer, Integer>> ideographs = new TreeMap<>();
        fontsByName.forEach((name, font) -> ideographs.put(name, radicalsToIdeographs(font)));
        return new TextExtractionRepair(ideographs);
    }

    private static Map<Integer, Integer> radicalsToIdeographs(TrueTypeFont font) {
        Map<Integer, Integer> map = new TreeMap<>();
        try {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            for (int radical = 0x2E80; radical <= 0x2FDF; radical++) {
                int glyph = cmap.getGlyphId(radical);
                if (glyph > 0) {
                    for (int codePoint : cmap.getCharCodes(glyph)) {
                        if (isIdeograph(codePoint)) {
                            map.put(radical, codePoint);
                            break;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cmap of a PDF font", e);
        }
        return map;
    }

    private static boolean isIdeograph(int codePoint) {
        return Character.isIdeographic(codePoint) && !(codePoint >= 0x2E80 && codePoint <= 0x2FDF);
    }

    /** Returns the PDF with repaired ToUnicode maps, or the same bytes if no font needed it. */
    byte[] apply(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            boolean changed = false;
            Set<COSDictionary> done = new HashSet<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    if (font instanceof PDType0Font type0 && done.add(type0.getCOSObject())) {
                        changed |= repair(type0);
                    }
                }
            }
            if (!changed) {
                return pdf;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            document.save(out);
            return out.toByteArray();
        }
    }

    private boolean repair(PDType0Font font) throws IOException {
        String name = font.getName();
        Map<Integer, Integer> fixes = ideographs.get(name.substring(name.indexOf('+') + 1));
        if (fixes == null
                || fixes.isEmpty()
                || !(font.getCOSObject().getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream toUnicode)) {
            return false;
        }
        CMap original;
        try (var in = toUnicode.createInputStream();
                RandomAccessRead buffer = new RandomAccessReadBuffer(in)) {
            original = new CMapParser().parse(buffer);
        }
        TreeMap<Integer, String> unicode = new TreeMap<>();
        boolean changed = false;
        for (int code : codes(font)) {
            String text = original.toUnicode(code, 2);
            if (text == null) {
                continue;
            }
            if (text.codePointCount(0, text.length()) == 1 && fixes.containsKey(text.codePointAt(0))) {
                text = Character.toString(fixes.get(text.codePointAt(0)));
                changed = true;
            }
            unicode.put(code, text);
        }
        if (changed) {
            COSStream stream = new COSStream();
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(toUnicodeCMap(unicode).getBytes(StandardCharsets.US_ASCII));
            }
            font.getCOSObject().setItem(COSName.TO_UNICODE, stream);
        }
        return changed;
    }

    /**
     * The character codes the embedded subset draws: PDFBox keeps the original glyph ids as codes and maps them to the
     * subset's glyphs with a CIDToGIDMap (two bytes per code, 0 for none).
     */
    private static int[] codes(PDType0Font font) throws IOException {
        COSDictionary descendant = font.getDescendantFont().getCOSObject();
        if (!(descendant.getDictionaryObject(COSName.CID_TO_GID_MAP) instanceof COSStream stream)) {
            return java.util.stream.IntStream.rangeClosed(0, 0xFFFF).toArray();
        }
        byte[] map;
        try (var in = stream.createInputStream()) {
            map = in.readAllBytes();
        }
        return java.util.stream.IntStream.range(0, map.length / 2)
                .filter(code -> map[2 * code] != 0 || map[2 * code + 1] != 0)
                .toArray();
    }

    /** A ToUnicode CMap (PDF 32000-1, 9.10.3) for two-byte codes, as {@code bfchar} blocks of at most 100. */
    private static String toUnicodeCMap(TreeMap<Integer, String> unicode) {
        HexFormat hex = HexFormat.of().withUpperCase();
        StringBuilder cmap = new StringBuilder(unicode.size() * 16 + 400);
        cmap.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        var entries = unicode.entrySet().iterator();
        while (entries.hasNext()) {
            StringBuilder block = new StringBuilder();
            int count = 0;
            while (entries.hasNext() && count < 100) {
                var entry = entries.next();
                block.append('<')
                        .append(hex.toHexDigits((short) (int) entry.getKey()))
                        .append("> <")
                        .append(hex.formatHex(entry.getValue().getBytes(StandardCharsets.UTF_16BE)))
                        .append(">\n");
                count++;
            }
            cmap.append(count).append(" beginbfchar\n").append(block).append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return cmap.toString();
    }
}
