package org.marugoto.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The bean in the application: its Thymeleaf engine, messages and the configured municipality. */
@MarugotoTest
class PdfRendererWiringTests {

    @Autowired
    PdfRenderer renderer;

    @Test
    void rendersWithTheApplicationsTemplatesMessagesAndMunicipality() throws IOException {
        byte[] pdf = renderer.render("pdf/sample", PdfRendererTests.sampleModel(), Locale.JAPANESE);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document);
            assertThat(text).contains("美月野市").contains("髙﨑 𠮷子").contains("丸ごと").contains("1 / 2");
        }
    }
}
