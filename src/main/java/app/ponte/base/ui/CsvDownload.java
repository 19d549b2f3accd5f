package app.ponte.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * The "Export CSV" link of a grid (docs/export.md): a download whose request runs the feature's
 * export with the grid's filters as they are when the link is clicked, streaming to the response.
 * The export is a method of the feature's service, so the service's role rules hold for the file
 * as they hold for the grid.
 */
public class CsvDownload extends Anchor {

    private final Consumer<OutputStream> export;
    private final String file;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * A download link named {@code <file>-<today>.csv}, today in the business time zone.
     *
     * @param export writes the CSV to the stream it is given (it must not close it); it runs in the
     *        download request, so it must read the view's state from fields safe to read there
     */
    public CsvDownload(String id, String label, String file, Clock clock, ZoneId zone, Consumer<OutputStream> export) {
        this.export = export;
        this.file = file;
        this.clock = clock;
        this.zone = zone;
        DownloadHandler handler = event -> {
            event.setFileName(fileName());
            event.setContentType("text/csv; charset=UTF-8");
            try (OutputStream out = event.getOutputStream()) {
                writeTo(out);
            }
        };
        setHref(handler, AttachmentType.DOWNLOAD);
        setText(label);
        setId(id);
        addClassName("ponte-export");
    }

    /** The file name the browser saves: {@code <file>-<today>.csv}. */
    public String fileName() {
        return file + "-" + LocalDate.now(clock.withZone(zone)) + ".csv";
    }

    /** Writes what the link downloads now (the download request calls it; so can a test). */
    public void writeTo(OutputStream out) {
        export.accept(out);
    }
}
