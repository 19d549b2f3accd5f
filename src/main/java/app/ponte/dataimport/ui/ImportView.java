package app.ponte.dataimport.ui;

import app.ponte.base.CsvWriter;
import app.ponte.base.PonteProperties;
import app.ponte.base.ui.Formats;
import app.ponte.base.ui.FormErrors;
import app.ponte.base.ui.MainLayout;
import app.ponte.dataimport.ImportColumn;
import app.ponte.dataimport.ImportKind;
import app.ponte.dataimport.ImportPreview;
import app.ponte.dataimport.ImportPreview.PreviewCell;
import app.ponte.dataimport.ImportPreview.PreviewRow;
import app.ponte.dataimport.ImportProblem;
import app.ponte.dataimport.ImportResult;
import app.ponte.dataimport.ImportService;
import app.ponte.security.AppRoles;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ADMIN: the CSV import of history (import.md), one file of one kind at a time. For the chosen kind
 * the page explains each column (required or not, format, allowed values, from the definitions the
 * import reads with) and offers a template and a sample file. The upload goes to a temporary file
 * (files can hold hundreds of thousands of rows); the page previews its first records as Ponte
 * would store them (money, dates, translated choices; a warning where "15.000" reads as fifteen),
 * then imports it off the UI thread with a progress bar.
 * A refused file stored nothing; its problems are listed and can be downloaded as CSV. The
 * temporary file is deleted once imported, replaced, or when the page is left.
 */
@Route(value = "admin/import", layout = MainLayout.class)
@Menu(order = 91.5, title = "nav.import", icon = "vaadin:upload")
@RolesAllowed(AppRoles.ADMIN)
class ImportView extends VerticalLayout implements HasDynamicTitle {

    static final int PREVIEW_RECORDS = 10;
    static final String[] REPORT_HEADER = {"line", "column", "message"};
    private static final Logger log = LoggerFactory.getLogger(ImportView.class);
    private static final int READ_BUFFER = 64 * 1024;

    /** A file that arrived and is not imported yet. */
    record Uploaded(String name, File file, long size) {
    }

    private final ImportService imports;
    private final PonteProperties properties;

    final Select<ImportKind> kind = new Select<>();
    /** The chosen kind's columns, one item each: name, required or optional, format, allowed values. */
    final UnorderedList columns = new UnorderedList();
    final Anchor template;
    final Anchor sample;
    /** Money values of the preview that read as decimals though they look like thousands. */
    final UnorderedList previewWarnings = new UnorderedList();
    final Upload upload = new Upload();
    final Span fileName = new Span();
    final UnorderedList headerProblems = new UnorderedList();
    final Span previewTitle = new Span();
    final Grid<PreviewRow> preview = new Grid<>();
    final Button start = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Paragraph outcome = new Paragraph();
    final Grid<ImportProblem> problems = new Grid<>();
    final Anchor report;

    /** The file waiting for the Import button; touched only with the session locked. */
    private Uploaded uploaded;
    private boolean running;
    /** The kind whose template and sample the links give (read by their download requests too). */
    private volatile ImportKind shownKind = ImportKind.USERS;
    /** The last refusal, read by the report's download request too. */
    private volatile ImportResult refused;

    ImportView(ImportService imports, PonteProperties properties) {
        this.imports = imports;
        this.properties = properties;
        setId("import-view");
        addClassName("ponte-import-view");
        setWidthFull();

        kind.setId("import-kind");
        kind.setLabel(getTranslation("import.kind"));
        kind.setItems(ImportKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("import.kind." + k.name()));
        kind.setValue(ImportKind.USERS);
        kind.addValueChangeListener(e -> kindChanged());
        columns.setId("import-columns");
        columns.addClassName("ponte-import-columns");
        template = new Anchor(this::downloadTemplate, AttachmentType.DOWNLOAD, getTranslation("import.template"));
        template.setId("import-template");
        sample = new Anchor(this::downloadSample, AttachmentType.DOWNLOAD, getTranslation("import.sample"));
        sample.setId("import-sample");
        var files = new FlexLayout(template, sample);
        files.addClassName("ponte-import-files");
        showColumns();

        upload.setId("import-upload");
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> fileArrived(metadata.fileName(), file)));
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes("text/csv", ".csv");
        upload.setI18n(uploadTexts());

        fileName.setId("import-file");
        headerProblems.setId("import-header-problems");
        headerProblems.addClassName("ponte-import-header-problems");
        previewTitle.setId("import-preview-title");
        previewTitle.addClassName("ponte-import-caption");
        previewWarnings.setId("import-preview-warnings");
        previewWarnings.addClassName("ponte-import-warnings");
        preview.setId("import-preview");
        preview.setAllRowsVisible(true);
        preview.addClassName("ponte-import-preview");
        // a cell's problem or warning runs over several lines: rows grow with it
        preview.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);

        start.setText(getTranslation("import.start"));
        start.setIcon(VaadinIcon.UPLOAD_ALT.create());
        start.setId("import-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> startImport());
        progress.setId("import-progress");
        progress.addClassName("ponte-import-progress");
        progressText.setId("import-progress-text");
        var run = new HorizontalLayout(start, progress, progressText);
        run.setAlignItems(FlexComponent.Alignment.CENTER);
        run.addClassName("ponte-import-run");

        outcome.setId("import-outcome");
        problems.setId("import-problems");
        problems.addClassName("ponte-import-problems");
        // long messages wrap rather than being cut on a phone
        problems.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        problems.addColumn(ImportProblem::line).setHeader(getTranslation("import.problem.line")).setKey("line")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        problems.addColumn(p -> p.column() == null ? "" : p.column()).setHeader(getTranslation("import.problem.column"))
                .setKey("column").setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(ImportProblem::message).setHeader(getTranslation("import.problem.message"))
                .setKey("message").setFlexGrow(1);
        DownloadHandler download = this::downloadReport;
        report = new Anchor(download, AttachmentType.DOWNLOAD, getTranslation("import.report"));
        report.setId("import-report");

        add(new H2(getTranslation("import.title")), new Paragraph(getTranslation("import.intro")),
                kind, files, columns, upload, fileName, headerProblems, previewTitle, previewWarnings, preview, run,
                outcome, problems, report);
        showFile(null);
        showOutcome(null);
    }

    private UploadI18N uploadTexts() {
        var texts = new UploadI18N();
        texts.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("import.upload"))
                .setMany(getTranslation("import.upload")));
        texts.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("import.drop"))
                .setMany(getTranslation("import.drop")));
        texts.setError(new UploadI18N.Error().setIncorrectFileType(getTranslation("import.wrong-type"))
                .setTooManyFiles(getTranslation("import.one-file")));
        return texts;
    }

    /** The chosen kind's columns as the import reads them (their definitions, not a second list). */
    private void showColumns() {
        columns.removeAll();
        for (ImportColumn column : imports.columns(kind.getValue())) {
            var name = new Span(column.name());
            name.addClassName("ponte-import-column-name");
            var need = new Span(need(column));
            need.addClassName(column.required() ? "ponte-import-required" : "ponte-import-optional");
            var format = new Span(format(column));
            format.addClassName("ponte-import-format");
            var item = new ListItem(name, need, format);
            item.addClassName("ponte-import-column");
            item.setId("import-column-" + column.name());
            if (!column.values().isEmpty()) {
                var values = new Span(column.values().stream().map(v -> valueWithLabel(column, v))
                        .reduce((a, b) -> a + ", " + b).orElse(""));
                values.addClassName("ponte-import-values");
                item.add(values);
            }
            columns.add(item);
        }
    }

    private String need(ImportColumn column) {
        if (column.required()) {
            return getTranslation("import.column.required");
        }
        ImportColumn.RequiredWhen when = column.requiredWhen();
        if (when == null) {
            return getTranslation("import.column.optional");
        }
        return when.values().isEmpty() ? getTranslation("import.column.required-with", when.column())
                : getTranslation("import.column.required-when", when.column(), String.join(", ", when.values()));
    }

    private String format(ImportColumn column) {
        return switch (column.format()) {
            case TEXT -> getTranslation("import.format.text");
            case USERNAME -> getTranslation("import.format.username");
            case LEAD -> getTranslation("import.format.lead");
            case INSTANT -> getTranslation("import.format.instant");
            case DATE -> getTranslation("import.format.date");
            case MONTH -> getTranslation("import.format.month");
            case MONEY -> getTranslation("import.format.money", properties.currency().getCurrencyCode());
            case SCORE -> getTranslation("import.format.score");
            case CHOICE -> getTranslation("import.format.choice");
            case CHOICE_LIST -> getTranslation("import.format.choice-list");
            case CHANNEL -> column.values().isEmpty() ? getTranslation("import.format.no-channel")
                    : getTranslation("import.format.channel");
            case PLANNED -> getTranslation("import.format.planned");
        };
    }

    /** An allowed value as written in the file, with its name in the user's language when it has one. */
    private String valueWithLabel(ImportColumn column, String value) {
        String label = label(column, value);
        return label.equals(value) ? value : value + " (" + label + ")";
    }

    private String label(ImportColumn column, String value) {
        return column.labels() == null ? value : getTranslation(column.labels() + value);
    }

    private void downloadTemplate(DownloadEvent event) throws IOException {
        ImportKind chosen = shownKind;
        event.setFileName("ponte-" + chosen.code() + "-template.csv");
        event.setContentType("text/csv; charset=UTF-8");
        try (OutputStream out = event.getOutputStream()) {
            imports.writeTemplate(chosen, out);
        }
    }

    private void downloadSample(DownloadEvent event) throws IOException {
        ImportKind chosen = shownKind;
        event.setFileName("ponte-" + chosen.code() + "-sample.csv");
        event.setContentType("text/csv; charset=UTF-8");
        try (InputStream in = imports.sample(chosen); OutputStream out = event.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private void kindChanged() {
        shownKind = kind.getValue();
        showColumns();
        showOutcome(null);
        showFile(uploaded);
    }

    /**
     * A file has arrived (the upload handler calls this with the session locked): it replaces any
     * earlier one and is previewed as the chosen kind.
     */
    void fileArrived(String name, File file) {
        if (running || !isAttached()) {
            delete(file);
            return;
        }
        discardFile();
        uploaded = new Uploaded(name, file, file.length());
        upload.clearFileList();
        showOutcome(null);
        showFile(uploaded);
    }

    /** Shows the file's preview as the chosen kind (or nothing) and whether it can be imported. */
    private void showFile(Uploaded file) {
        headerProblems.removeAll();
        previewWarnings.removeAll();
        preview.removeAllColumns();
        preview.setItems(List.of());
        boolean importable = false;
        if (file != null) {
            fileName.setText(getTranslation("import.file", file.name(), (file.size() + 1023) / 1024));
            try {
                ImportPreview read = readPreview(file);
                preview.addColumn(PreviewRow::line).setHeader(getTranslation("import.problem.line")).setKey("line")
                        .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setFrozen(true);
                for (int i = 0; i < read.header().size(); i++) {
                    int index = i;
                    preview.addColumn(new ComponentRenderer<>(row -> cellView(row, index)))
                            .setHeader(read.header().get(i)).setKey("column-" + i).setAutoWidth(true);
                }
                preview.setItems(read.rows());
                previewTitle.setText(getTranslation("import.preview", read.rows().size()));
                read.headerProblems().forEach(p -> headerProblems.add(new ListItem(p.message())));
                warnings(read).forEach(w -> previewWarnings.add(new ListItem(w)));
                importable = read.headerProblems().isEmpty();
            } catch (IOException | RuntimeException e) {
                log.warn("Preview of {} failed", file.name(), e); // i18n-ignore: log
                headerProblems.add(new ListItem(getTranslation("import.unreadable", String.valueOf(e.getMessage()))));
            }
        }
        fileName.setVisible(file != null);
        previewTitle.setVisible(file != null && preview.getColumns().size() > 0);
        preview.setVisible(previewTitle.isVisible());
        headerProblems.setVisible(headerProblems.getChildren().findAny().isPresent());
        previewWarnings.setVisible(previewWarnings.getChildren().findAny().isPresent());
        start.setEnabled(importable && !running);
    }

    /** The preview's warnings, by line and column: money that reads as decimals but looks like thousands. */
    private List<String> warnings(ImportPreview read) {
        List<String> found = new ArrayList<>();
        for (PreviewRow row : read.rows()) {
            for (PreviewCell cell : row.cells()) {
                if (cell.threeDecimals()) {
                    found.add(getTranslation("import.warning.at", row.line(), cell.column().name(), warning(cell)));
                }
            }
        }
        return found;
    }

    /** "Read as €15.00. If you meant €15,000.00, write 15000 …" in the user's language. */
    private String warning(PreviewCell cell) {
        BigDecimal read = (BigDecimal) cell.value();
        BigDecimal meant = read.movePointRight(3);
        return getTranslation("import.warning.three-decimals", cell.text().strip(),
                Formats.money(read, properties.currency(), getLocale()),
                Formats.money(meant, properties.currency(), getLocale()), meant.toPlainString());
    }

    /** A preview cell: the value as Ponte would store and show it; below it, why it cannot be read, or a warning. */
    private Div cellView(PreviewRow row, int index) {
        var view = new Div();
        view.addClassName("ponte-import-cell");
        if (index >= row.cells().size()) {
            return view;
        }
        PreviewCell cell = row.cells().get(index);
        view.add(new Span(cell.problem() == null ? shown(cell) : cell.text()));
        if (cell.problem() != null) {
            view.addClassName("ponte-import-cell-problem");
            var problem = new Span(cell.problem());
            problem.addClassName("ponte-import-cell-note");
            view.add(problem);
        } else if (cell.threeDecimals()) {
            view.addClassName("ponte-import-cell-warning");
            var warning = new Span(warning(cell));
            warning.addClassName("ponte-import-cell-note");
            view.add(warning);
        }
        return view;
    }

    /** A read value in the user's language: money with its currency, dates and times formatted, choices translated. */
    String shown(PreviewCell cell) {
        Object value = cell.value();
        Locale locale = getLocale();
        if (cell.column() == null) {
            return cell.text();
        }
        return switch (value) {
            case null -> "";
            case Instant instant -> Formats.dateTime(instant, properties.zone(), locale);
            case LocalDate date -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
            case YearMonth month -> DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
            case BigDecimal amount -> Formats.money(amount, properties.currency(), locale);
            case List<?> names -> String.join(", ", names.stream().map(n -> label(cell.column(), (String) n)).toList());
            case String text when cell.column().format() == ImportColumn.Format.CHOICE -> label(cell.column(), text);
            default -> String.valueOf(value);
        };
    }

    private ImportPreview readPreview(Uploaded file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file.file().toPath()), READ_BUFFER)) {
            return imports.preview(kind.getValue(), in, PREVIEW_RECORDS, getLocale());
        }
    }

    /**
     * Hands the waiting file to the import service, which imports it off the UI thread as the admin who
     * clicked and deletes it at the end; the page follows through pushes.
     */
    void startImport() {
        if (uploaded == null || running) {
            return;
        }
        UI ui = UI.getCurrent();
        Uploaded file = uploaded;
        uploaded = null;
        ImportKind importing = kind.getValue();
        setRunning(true);
        showOutcome(null);
        progress.setValue(0);
        progressText.setText(getTranslation("import.progress", 0));
        CompletableFuture<ImportResult> job;
        try {
            job = imports.start(importing, file.file().toPath(), getLocale(),
                    (records, bytes) -> push(ui, () -> showProgress(records, bytes, file.size())));
        } catch (RuntimeException e) {
            // refused before it started (the service checks the role): the file is still ours
            delete(file.file());
            failed(e);
            return;
        }
        job.whenComplete((result, error) -> push(ui, () -> {
            if (error == null) {
                finished(result);
            } else {
                failed(error instanceof CompletionException wrapped && wrapped.getCause() != null
                        ? wrapped.getCause() : error);
            }
        }));
    }

    /** Changes the page from the import's thread; a page that was closed meanwhile is left alone. */
    private static void push(UI ui, Command change) {
        try {
            ui.access(change);
        } catch (UIDetachedException e) {
            // the admin left: the import goes on, nobody to tell
        }
    }

    private void showProgress(long records, long bytes, long size) {
        progress.setValue(size <= 0 ? 1 : Math.min(1.0, (double) bytes / size));
        progressText.setText(getTranslation("import.progress", records));
    }

    private void finished(ImportResult result) {
        progress.setValue(1);
        setRunning(false);
        showOutcome(result);
        if (result.stored()) {
            FormErrors.success(outcome.getText());
        } else {
            FormErrors.error(outcome.getText());
        }
    }

    private void failed(Throwable e) {
        setRunning(false);
        showOutcome(null);
        outcome.setText(getTranslation("import.failed", String.valueOf(e.getMessage())));
        outcome.setVisible(true);
        FormErrors.error(outcome.getText());
    }

    private void setRunning(boolean value) {
        running = value;
        start.setEnabled(!value && uploaded != null && headerProblems.getChildren().findAny().isEmpty());
        kind.setEnabled(!value);
        upload.setEnabled(!value);
        progress.setVisible(value || progress.getValue() > 0);
        progressText.setVisible(progress.isVisible());
    }

    /** The result of the last import (null: none yet, or the page moved on). */
    private void showOutcome(ImportResult result) {
        refused = result == null || result.stored() ? null : result;
        outcome.removeClassNames("ponte-import-stored", "ponte-import-refused");
        if (result == null) {
            outcome.setText("");
        } else if (result.stored()) {
            outcome.setText(getTranslation("import.stored", result.imported(),
                    getTranslation("import.kind." + result.kind().name())));
            outcome.addClassName("ponte-import-stored");
        } else {
            int count = result.problems().size();
            outcome.setText(getTranslation(count >= ImportService.MAX_PROBLEMS ? "import.refused.cut" : "import.refused",
                    count));
            outcome.addClassName("ponte-import-refused");
        }
        outcome.setVisible(result != null);
        problems.setItems(refused == null ? List.of() : refused.problems());
        problems.setVisible(refused != null);
        report.setVisible(refused != null);
        if (result == null && !running) {
            progress.setValue(0);
            progress.setVisible(false);
            progressText.setVisible(false);
        }
    }

    private void downloadReport(DownloadEvent event) throws IOException {
        ImportResult shown = refused;
        event.setFileName("import-" + (shown == null ? "report" : shown.kind().code()) + "-errors.csv");
        event.setContentType("text/csv; charset=UTF-8");
        try (OutputStream out = event.getOutputStream()) {
            writeReport(shown == null ? List.of() : shown.problems(), out);
        }
    }

    /** The error report: {@code line,column,message}, one row per problem, as every export in Ponte. */
    static void writeReport(List<ImportProblem> reported, OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, REPORT_HEADER);
        for (ImportProblem p : reported) {
            csv.row(p.line(), p.column(), p.message());
        }
        csv.flush();
    }

    private void discardFile() {
        if (uploaded != null) {
            delete(uploaded.file());
            uploaded = null;
        }
    }

    private static void delete(File file) {
        try {
            Files.deleteIfExists(file.toPath());
        } catch (IOException e) {
            log.warn("Could not delete the uploaded file {}", file, e); // i18n-ignore: log
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        // a file waiting for the button is dropped; one being imported is deleted by its import
        discardFile();
    }

    /** The file waiting for the Import button (tests read it). */
    Uploaded uploaded() {
        return uploaded;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("import.title");
    }
}
