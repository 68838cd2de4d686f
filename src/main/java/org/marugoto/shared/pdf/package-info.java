/**
 * Printing as PDF: {@link org.marugoto.shared.pdf.PdfRenderer} turns a Thymeleaf XHTML template into an A4 PDF with a
 * Japanese font embedded, and {@link org.marugoto.shared.pdf.PdfResponses} sends it from a controller.
 */
@org.jspecify.annotations.NullMarked
package org.marugoto.shared.pdf;
