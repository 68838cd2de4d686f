package org.marugoto.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marugoto.shared.Tenancy;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders the example form ({@code templates/pdf/sample.html}) and reads the PDF back with PDFBox. */
class PdfRendererTests {

    static final String NAME = "髙﨑 𠮷子";

    static PdfRenderer renderer;

    @BeforeAll
    static void renderer() {
        renderer = new PdfRenderer(templateEngine(), new City());
    }

    @Test
    void japaneseTextIncludingVariantAndSupplementaryKanjiExtractsBack() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderSample(Locale.JAPANESE))) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true); // as a reader copies it, not in drawing order
            String text = stripper.getText(pdf);

            assertThat(text)
                    .contains("プラン兼事業等利用申込書")
                    .contains("髙﨑 𠮷子")
                    .contains("髙﨑 𠮷子（たかさき よしこ）")
                    .contains("𠮷野家の近くで一人暮らしを続けたい")
                    .contains("第2回")
                    .contains("本人の役割")
                    .contains("次回モニタリング時期")
                    .contains("本人同意欄")
                    .contains("丸ごと"); // a message, in the requested locale
            assertThat(text.codePoints().filter(c -> c == 0x20BB7).count())
                    .as("𠮷 (U+20BB7, a surrogate pair) in name and aim")
                    .isGreaterThanOrEqualTo(2);
            assertThat(text).doesNotContain("\uFFFD").doesNotContain("#");
            // IPAex draws 用, 月, 日, 一, 人... with the glyphs of Kangxi radicals; the text must be the ideographs
            assertThat(text).contains("利用", "11月24日", "一人暮らし", "本人");
            assertThat(text.codePoints().filter(c -> c >= 0x2E80 && c <= 0x2FDF))
                    .as("radicals in the text")
                    .isEmpty();
        }
    }

    @Test
    void everyPageHasTheMunicipalityInTheHeaderAndItsNumberInTheFooter() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderSample(Locale.JAPANESE))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            assertThat(pdf.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            for (int page = 1; page <= 2; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(pdf);
                assertThat(text).as("page " + page).contains("美月野市").contains(page + " / 2");
            }
        }
    }

    @Test
    void onlyEmbeddedSubsetFontsAreUsed() throws IOException {
        byte[] bytes = renderSample(Locale.JAPANESE);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            List<PDFont> fonts = fonts(pdf);

            assertThat(fonts).isNotEmpty();
            assertThat(fonts).allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                assertThat(font.getName()).as("subset tag of " + font.getName()).matches("[A-Z]{6}\\+.+");
                assertThat(font).isInstanceOf(PDType0Font.class);
            });
            assertThat(fonts).extracting(PDFont::getName).anyMatch(name -> name.endsWith("+IPAexGothic"));
            // 𠮷 is not in IPAex Gothic: the fallback font carries it
            assertThat(fonts).extracting(PDFont::getName).anyMatch(name -> name.contains("VL-Gothic"));
        }
        // the two fonts are 10 MB; a subset of the glyphs used is a small fraction
        assertThat(bytes.length).isLessThan(300_000);
    }

    @Test
    void englishLocaleUsesEnglishMessages() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderSample(Locale.ENGLISH))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Marugoto").doesNotContain("丸ごと");
        }
    }

    @Test
    void remoteAndLocalResourcesAreNeverFetched(@TempDir Path dir) throws IOException {
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            byte[] body = "x".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Path png = dir.resolve("local.png");
        Files.write(png, TINY_PNG);
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            byte[] bytes = renderer.render(
                    "pdf/remote-resources",
                    Map.of("base", base, "localFile", png.toUri().toString(), "relative", "local.png"),
                    Locale.JAPANESE);

            assertThat(requests).as("requests to the test server").isEmpty();
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                assertThat(new PDFTextStripper().getText(pdf))
                        .contains("外部の画像は読み込まれない。")
                        .contains("リモートフォント");
                assertThat(images(pdf.getPage(0).getResources()))
                        .as("images drawn")
                        .isZero();
                assertThat(fonts(pdf))
                        .allSatisfy(font -> assertThat(font.getName()).doesNotContain("Remote"));
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void dataUriImagesAreDrawn() throws IOException {
        String dataUri =
                "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(TINY_PNG);
        byte[] bytes = renderer.render(
                "pdf/remote-resources",
                Map.of("base", "http://127.0.0.1:9", "localFile", dataUri, "relative", "x.png"),
                Locale.JAPANESE);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(images(pdf.getPage(0).getResources())).isEqualTo(1);
        }
    }

    @Test
    void aTemplateThatIsNotWellFormedIsRefusedWithItsName() {
        assertThatThrownBy(() -> renderer.render("pdf/not-well-formed", Map.of(), Locale.JAPANESE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pdf/not-well-formed");
    }

    @Test
    void rendersConcurrently() throws Exception {
        try (var executor = java.util.concurrent.Executors.newFixedThreadPool(3)) {
            List<java.util.concurrent.Future<byte[]>> pdfs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                pdfs.add(executor.submit(() -> renderSample(Locale.JAPANESE)));
            }
            for (var future : pdfs) {
                try (PDDocument pdf = Loader.loadPDF(future.get())) {
                    PDFTextStripper stripper = new PDFTextStripper();
                    stripper.setSortByPosition(true);
                    assertThat(stripper.getText(pdf)).contains("髙﨑 𠮷子").contains("利用申込書");
                }
            }
        }
    }

    @Test
    void sampleSizeAndRenderTime() throws IOException {
        renderSample(Locale.JAPANESE); // warm up
        int runs = 5;
        long start = System.nanoTime();
        byte[] bytes = null;
        for (int i = 0; i < runs; i++) {
            bytes = renderSample(Locale.JAPANESE);
        }
        long millis = (System.nanoTime() - start) / 1_000_000 / runs;
        Path out = Path.of("target", "pdf-sample.pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, bytes);
        System.out.printf(
                "PDF sample: %d bytes, %d ms per render (after warm-up), written to %s%n", bytes.length, millis, out);
        assertThat(bytes).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] renderSample(Locale locale) {
        return renderer.render("pdf/sample", sampleModel(), locale);
    }

    static Map<String, Object> sampleModel() {
        Map<String, Object> model = new HashMap<>();
        model.put("createdOn", "令和8年11月24日");
        model.put("round", 2);
        model.put("personName", NAME);
        model.put("personKana", "たかさき よしこ");
        model.put("aim", "𠮷野家の近くで一人暮らしを続けたい。\n母の介護と自分の仕事を両立させたい。");
        model.put("issues", "家賃の滞納が3か月分ある。\n母（82歳）の通院の付き添いで仕事を休みがち。");
        model.put("longTermGoal", "生活の見通しを立て、母と安心して暮らせるようになる。");
        List<Map<String, String>> actions = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            actions.add(Map.of(
                    "goal", "目標" + i + "：家計の収支を把握し、滞納分の返済計画を立てる。",
                    "role", "家計簿をつけて、月に一度相談に来る。",
                    "agency", "美月野市社会福祉協議会（家計改善支援）",
                    "period", "令和8年12月〜\n月1回"));
        }
        model.put("actions", actions);
        model.put("nextMonitoring", "令和9年2月");
        return model;
    }

    static SpringTemplateEngine templateEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }

    static List<PDFont> fonts(PDDocument pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }
        return fonts;
    }

    static int images(PDResources resources) throws IOException {
        int images = 0;
        for (COSName name : resources.getXObjectNames()) {
            if (resources.isImageXObject(name)) {
                images++;
            }
        }
        return images;
    }

    /** A 1×1 black PNG. */
    static final byte[] TINY_PNG = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");

    record City() implements Tenancy {
        @Override
        public UUID municipalityId() {
            return UUID.nameUUIDFromBytes("999016".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String municipalityName() {
            return "美月野市";
        }
    }
}
