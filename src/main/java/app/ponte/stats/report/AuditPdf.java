package app.ponte.stats.report;

import app.ponte.base.PonteProperties;
import app.ponte.stats.ui.Figure;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The audit report as a PDF (decision 028): the same {@link AuditReport} the page shows, written as
 * XHTML with the DOM (every name and label is a text node, so nothing a person typed can become
 * markup), the charts as inline SVG ({@link SvgCharts}), rendered by openhtmltopdf on PDFBox.
 */
@Component
public class AuditPdf {

    static final String XHTML = "http://www.w3.org/1999/xhtml";
    /** The family the stylesheet names; a font with the Italian accents and € is registered under it. */
    static final String FAMILY = "Ponte Sans";
    /** Fonts looked for on the machine, regular then bold; without them the PDF's built-in Helvetica is used. */
    private static final List<String[]> FONTS = List.of(
            new String[] {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
            new String[] {"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"});

    private static final String CSS = """
            @page { size: A4; margin: 16mm 14mm 18mm 14mm;
              @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #666; } }
            body { font-family: 'Ponte Sans', sans-serif; font-size: 9.5pt; color: #222; }
            h1 { font-size: 18pt; margin: 0 0 2mm 0; }
            .subtitle { color: #555; margin: 0 0 6mm 0; }
            section { page-break-before: always; }
            section.first { page-break-before: auto; }
            h2 { font-size: 13pt; margin: 0 0 3mm 0; }
            h3 { font-size: 10.5pt; margin: 4mm 0 2mm 0; }
            p.sentence { font-size: 11pt; margin: 0 0 4mm 0; }
            p.empty { font-style: italic; color: #555; }
            p.formula { font-family: monospace; font-size: 8.5pt; background: #f3f3f3; padding: 2mm; }
            table { border-collapse: collapse; width: 100%; -fs-table-paginate: paginate; }
            th, td { border-bottom: 0.5pt solid #ccc; padding: 1mm 1.5mm; text-align: right; }
            th.label, thead th:first-child { text-align: left; }
            thead th { background: #eee; }
            table.figures td { border: none; text-align: left; padding: 0 4mm 1mm 0; }
            table.figures td.value { font-weight: bold; font-size: 11pt; }
            .chart { margin: 2mm 0 4mm 0; }
            """;

    private final PonteProperties properties;

    AuditPdf(PonteProperties properties) {
        this.properties = properties;
    }

    public void write(AuditReport report, OutputStream out) {
        Document doc = xhtml(report);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            font().ifPresent(files -> {
                builder.useFont(new File(files[0]), FAMILY, 400, FontStyle.NORMAL, true);
                builder.useFont(new File(files[1]), FAMILY, 700, FontStyle.NORMAL, true);
            });
            builder.withW3cDocument(doc, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first font pair present on this machine. */
    static Optional<String[]> font() {
        return FONTS.stream().filter(pair -> new File(pair[0]).canRead() && new File(pair[1]).canRead()).findFirst();
    }

    /** The report as an XHTML document (public to the package's tests). */
    Document xhtml(AuditReport report) {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            doc = factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element html = doc.createElementNS(XHTML, "html");
        html.setAttribute("lang", report.locale().toLanguageTag());
        doc.appendChild(html);
        Element head = append(doc, html, "head", null);
        append(doc, head, "title", report.title());
        append(doc, head, "style", CSS);
        Element body = append(doc, html, "body", null);
        append(doc, body, "h1", report.title());
        append(doc, body, "p", report.subtitle()).setAttribute("class", "subtitle");
        boolean first = true;
        for (ReportSection section : report.sections()) {
            Element box = append(doc, body, "section", null);
            box.setAttribute("id", "section-" + section.key());
            if (first) {
                box.setAttribute("class", "first");
                first = false;
            }
            append(doc, box, "h2", section.title());
            append(doc, box, "p", section.sentence()).setAttribute("class", section.empty() ? "sentence empty" : "sentence");
            if (section.empty()) {
                continue;
            }
            if (!section.figures().isEmpty()) {
                Element figures = append(doc, box, "table", null);
                figures.setAttribute("class", "figures");
                Element row = append(doc, figures, "tr", null);
                Element labels = append(doc, figures, "tr", null);
                for (ReportCell cell : section.figures()) {
                    append(doc, row, "td", text(cell, report)).setAttribute("class", "value");
                    append(doc, labels, "td", cell.label());
                }
            }
            if (section.formula() != null) {
                append(doc, box, "p", section.formula()).setAttribute("class", "formula");
            }
            if (section.chart() != null) {
                Element svg = SvgCharts.draw(doc, section.chart(), section.chartDescription(), report.locale());
                if (svg != null) {
                    Element chart = append(doc, box, "div", null);
                    chart.setAttribute("class", "chart");
                    chart.appendChild(svg);
                }
            }
            for (ReportTable table : section.tables()) {
                append(doc, box, "h3", table.title());
                Element t = append(doc, box, "table", null);
                Element thead = append(doc, t, "thead", null);
                Element headRow = append(doc, thead, "tr", null);
                table.headings().forEach(h -> append(doc, headRow, "th", h));
                Element tbody = append(doc, t, "tbody", null);
                for (List<ReportCell> cells : table.rows()) {
                    Element tr = append(doc, tbody, "tr", null);
                    for (ReportCell cell : cells) {
                        if (cell.isText()) {
                            append(doc, tr, "th", cell.label()).setAttribute("class", "label");
                        } else {
                            append(doc, tr, "td", text(cell, report));
                        }
                    }
                }
            }
        }
        return doc;
    }

    private String text(ReportCell cell, AuditReport report) {
        return Figure.text(cell.kind(), cell.value(), report.locale(), properties.currency());
    }

    private static Element append(Document doc, Element parent, String name, String text) {
        Element element = doc.createElementNS(XHTML, name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }
}
