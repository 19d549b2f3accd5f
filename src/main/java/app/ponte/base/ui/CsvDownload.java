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
 * The export method is the feature's service, so the service's role rules hold for the file as
 * they hold for the grid.
 */
public final class CsvDownload {

    private CsvDownload() {
    }

    /**
     * A download link named {@code <file>-<today>.csv}, today in the business time zone.
     *
     * @param export writes the CSV to the stream it is given (it must not close it)
     */
    public static Anchor anchor(String id, String label, String file, Clock clock, ZoneId zone,
            Consumer<OutputStream> export) {
        DownloadHandler handler = event -> {
            event.setFileName(file + "-" + LocalDate.now(clock.withZone(zone)) + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (OutputStream out = event.getOutputStream()) {
                export.accept(out);
            }
        };
        var link = new Anchor(handler, AttachmentType.DOWNLOAD, label);
        link.setId(id);
        link.addClassName("ponte-export");
        return link;
    }
}
