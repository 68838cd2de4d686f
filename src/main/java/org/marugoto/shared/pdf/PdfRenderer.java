package org.marugoto.shared.pdf;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.marugoto.shared.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Renders a Thymeleaf template to an A4 PDF in the layout of the MHLW forms, with the Japanese font embedded.
 *
 * <pre>{@code
 * byte[] pdf = pdfRenderer.render("casework/pdf/plan", Map.of("plan", planView), locale);
 * return PdfResponses.inline(pdf, "support-plan-" + plan.number() + ".pdf");
 * }</pre>
 *
 * <h2>Writing a template</h2>
 *
 * <ul>
 *   <li>Put it under {@code templates/<module>/pdf/}. It is processed by the application's Thymeleaf engine, so
 *       {@code th:text}, {@code th:each}, {@code #{message.key}}, {@code #temporals} and fragments work as on a page.
 *       The model is the map you pass, plus {@code municipalityName} (unless you pass one). There is no request: no
 *       {@code @{...}} links, no {@code #request}, no CSRF.
 *   <li>The output must be well-formed XHTML: close every element ({@code <br/>}), quote every attribute, use
 *       {@code &#160;} instead of {@code &nbsp;}, and declare {@code xmlns="http://www.w3.org/1999/xhtml"} on
 *       {@code <html>}. A template that is not well-formed fails with an {@link IllegalArgumentException}.
 *   <li>Start from this skeleton; {@code pdf/layout :: styles} brings the print stylesheet, {@code pdf/layout ::
 *       header(title)} the running header (municipality name on the left, {@code title} on the right) and the
 *       footer with the page number "1 / 2":
 *       <pre>{@code
 * <!DOCTYPE html>
 * <html xmlns="http://www.w3.org/1999/xhtml" xmlns:th="http://www.thymeleaf.org" th:lang="${#locale.language}">
 * <head>
 *   <meta charset="UTF-8"/>
 *   <title th:text="#{casework.plan.title}">プラン兼事業等利用申込書</title>
 *   <style th:replace="~{pdf/layout :: styles}"></style>
 * </head>
 * <body>
 *   <div th:replace="~{pdf/layout :: header(#{casework.plan.title})}"></div>
 *   <h1 class="form-title" th:text="#{casework.plan.title}">プラン兼事業等利用申込書</h1>
 *   <table class="form">
 *     <col class="label"/><col/>
 *     <tr><th>本人氏名</th><td th:text="${plan.personName}">髙﨑 𠮷子</td></tr>
 *     <tr><th>本人の目指す姿</th><td class="text tall" th:text="${plan.aim}">…</td></tr>
 *   </table>
 * </body>
 * </html>
 * }</pre>
 * </ul>
 *
 * <h2>Allowed CSS</h2>
 *
 * CSS 2.1 with paged media ({@code @page}, margin boxes, {@code counter(page)}/{@code counter(pages)}, running elements
 * via {@code position: running(x)}, {@code page-break-before/after/inside}); no flexbox or grid. Lay forms out with
 * tables ({@code table-layout: fixed}, widths in {@code mm} or {@code %}). The classes of {@code templates/pdf/layout.html}
 * cover the MHLW look: {@code form-title}, {@code form} (bordered table, {@code th} shaded), {@code meta}
 * (作成日/回数 box at the top right), {@code text} (keeps the line breaks a user typed), {@code tall}/{@code taller}
 * (minimum heights for free text), {@code consent} (本人同意欄) and {@code blank} (a line to sign or date by hand).
 * Extra rules may go into a {@code <style>} element of the template; it is not a web page, so the CSP does not apply.
 *
 * <h2>Fonts</h2>
 *
 * Do not set {@code font-family}: the stylesheet sets IPAex Gothic (with VL Gothic for the kanji IPAex lacks, such as
 * 𠮷), both shipped in {@code src/main/resources/fonts/} with their licences and registered here, so every PDF embeds
 * a subset of them whatever the text. To add a font (e.g. a Mincho), put the TTF and its licence next to them, load it
 * in {@link PdfFonts} and name its family in the stylesheet. IPAex has one weight: bold text is printed in the regular
 * weight.
 *
 * <h2>No network, no files</h2>
 *
 * Nothing is fetched while rendering: {@code http:}, {@code https:}, {@code file:}, {@code jar:} and any other URI in
 * an {@code <img>}, {@code <link>}, {@code @import}, {@code url()} or {@code @font-face} is refused and the element is
 * left out. Only {@code data:} URIs (e.g. a base64 PNG of a seal) are drawn.
 */
@Component
public class PdfRenderer {

    private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);

    /** Base URI of every document; relative references resolve against it and are refused like any other. */
    private static final String BASE_URI = "about:blank";

    private final ITemplateEngine templates;
    private final Tenancy tenancy;
    private final PdfFonts fonts = new PdfFonts();
    private final FSDefaultCacheStore fontMetrics = new FSDefaultCacheStore();
    private final DocumentBuilderFactory xml = hardenedXmlParsers();

    public PdfRenderer(ITemplateEngine templates, Tenancy tenancy) {
        this.templates = templates;
        this.tenancy = tenancy;
        Slf4jXRLogger.install();
    }

    /**
     * Renders {@code template} (a Thymeleaf template name such as {@code "casework/pdf/plan"}) with {@code model} in
     * {@code locale} to a PDF.
     *
     * @throws IllegalArgumentException if the template's output is not well-formed XHTML
     */
    public byte[] render(String template, Map<String, ?> model, Locale locale) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.putIfAbsent("municipalityName", tenancy.municipalityName());
        String xhtml = templates.process(template, new Context(locale, variables));
        return toPdf(parse(template, xhtml), template);
    }

    private byte[] toPdf(Document document, String template) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withW3cDocument(document, BASE_URI);
        builder.useDefaultPageSize(210, 297, PageSizeUnits.MM);
        builder.withProducer("Marugoto");
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics);
        fonts.register(builder);
        refuseExternalResources(builder, template);
        builder.toStream(out);
        try {
            builder.run();
            return fonts.textRepair().apply(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + template + " as PDF", e);
        }
    }

    /**
     * Three locks on the same door: the access control refuses every URI but {@code data:} before and after
     * resolving, the resolver resolves nothing else, and the stream factories for every protocol open nothing.
     */
    private static void refuseExternalResources(PdfRendererBuilder builder, String template) {
        java.util.function.BiPredicate<String, ExternalResourceType> onlyData = (uri, type) -> {
            boolean allowed = isData(uri);
            if (!allowed) {
                log.debug("{}: refused external {} resource", template, type);
            }
            return allowed;
        };
        builder.useExternalResourceAccessControl(onlyData, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl(onlyData, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.useUriResolver((base, uri) -> isData(uri) ? uri : null);
        FSStreamFactory nothing = uri -> NO_STREAM;
        builder.useHttpStreamImplementation(nothing);
        builder.useProtocolsStreamImplementation(nothing, "file", "jar", "ftp", "classpath", "about", "mailto");
    }

    private static boolean isData(String uri) {
        return uri.regionMatches(true, 0, "data:", 0, 5);
    }

    private static final FSStream NO_STREAM = new FSStream() {
        @Override
        public java.io.InputStream getStream() {
            return java.io.InputStream.nullInputStream();
        }

        @Override
        public java.io.Reader getReader() {
            return java.io.Reader.nullReader();
        }
    };

    private Document parse(String template, String xhtml) {
        try {
            DocumentBuilder parser;
            synchronized (xml) { // a factory is not thread-safe, the builders it makes are used by one thread
                parser = xml.newDocumentBuilder();
            }
            parser.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            parser.setErrorHandler(new DefaultHandler()); // fails on fatal errors, prints nothing
            return parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXException e) {
            // the parser's message names the markup problem and its line, never the document's text
            throw new IllegalArgumentException(
                    "template " + template + " is not well-formed XHTML: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot parse the output of template " + template, e);
        }
    }

    /** Namespace-aware, no DTDs, no external entities, no XInclude. */
    private static DocumentBuilderFactory hardenedXmlParsers() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
        return factory;
    }
}
