package app.ponte.dataimport;

import app.ponte.base.CsvWriter;
import app.ponte.lead.Channel;
import app.ponte.lead.ChannelService;
import app.ponte.lead.LeadHistoryService;
import app.ponte.security.AppRoles;
import app.ponte.security.UserService;
import jakarta.persistence.EntityManager;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only door to the CSV import. One file is one transaction: it streams through in batches of
 * {@value #BATCH} records, each batch's good rows stored at once (so later rows can refer to
 * them), every bad row noted; when anything was wrong the whole transaction is rolled back, so
 * nothing of the file stays. At most {@value #MAX_PROBLEMS} problems are reported; reading stops
 * there. The persistence context is emptied after each batch, so memory does not grow with the file.
 */
@Service
@PreAuthorize(AppRoles.HAS_ADMIN)
public class ImportService {

    public static final int MAX_PROBLEMS = 100;
    private static final String SAMPLES = "/import-samples/";
    static final int BATCH = 1000;
    private static final int READ_BUFFER = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final KindImports kinds;
    private final UserService users;
    private final LeadHistoryService leads;
    private final ChannelService channels;
    private final MessageSource messageSource;
    private final TransactionTemplate transactions;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;

    ImportService(KindImports kinds, UserService users, LeadHistoryService leads, ChannelService channels,
            MessageSource messageSource, PlatformTransactionManager transactionManager, EntityManager entityManager,
            JdbcTemplate jdbc) {
        this.channels = channels;
        this.jdbc = jdbc;
        this.kinds = kinds;
        this.users = users;
        this.leads = leads;
        this.messageSource = messageSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.entityManager = entityManager;
    }

    /**
     * Imports one file of a kind: all of it, or (with problems) nothing.
     *
     * @param locale the language of the problems' messages
     * @param progress told after each batch
     */
    public ImportResult importCsv(ImportKind kind, InputStream csv, Locale locale, ImportProgress progress) {
        Messages messages = new Messages(messageSource, locale);
        long started = System.nanoTime();
        ImportResult result = transactions.execute(status -> {
            indexesOnly();
            ImportResult outcome = run(kind, csv, messages, progress);
            if (!outcome.stored()) {
                status.setRollbackOnly();
            }
            return outcome;
        });
        log.info("Import of {}: {} records {} in {} ms", kind.code(), result.imported(),
                result.stored() ? "stored" : "refused with " + result.problems().size() + " problems",
                (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    /**
     * Stores an uploaded file in a temporary file for {@link #start}, which deletes it. Files can hold
     * hundreds of thousands of rows, so they go to disk, not to memory. Refused before a byte is read
     * to a caller who may not import.
     */
    public Path receive(InputStream upload) throws IOException {
        Path file = Files.createTempFile("ponte-import-", ".csv");
        try (upload; OutputStream out = Files.newOutputStream(file)) {
            upload.transferTo(out);
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e;
        }
        return file;
    }

    /**
     * Imports a stored file on its own virtual thread, as the caller (their roles and name go with it,
     * so every service the import calls checks them as usual), and deletes the file when the import
     * ends, whatever the outcome. The one way imports run: the import page follows {@code progress} and
     * the result through pushes, {@code POST /api/import/{kind}} waits for the result.
     *
     * @param file a file this service now owns (from {@link #receive} or an upload's temporary file)
     * @param progress told after each batch, on the import's thread
     * @return the result; completed exceptionally when the file could not be read or the database failed
     */
    public CompletableFuture<ImportResult> start(ImportKind kind, Path file, Locale locale, ImportProgress progress) {
        CompletableFuture<ImportResult> done = new CompletableFuture<>();
        SecurityContext caller = SecurityContextHolder.createEmptyContext();
        caller.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        Runnable work = () -> {
            ImportResult result = null;
            Throwable failure = null;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), READ_BUFFER)) {
                result = importCsv(kind, in, locale, progress);
            } catch (IOException e) {
                failure = new UncheckedIOException(e);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            // deleted before anyone hears of the end, so the file is gone for whoever waited on it
            delete(file);
            if (failure == null) {
                done.complete(result);
            } else {
                log.error("Import of {} from {} failed", kind.code(), file, failure);
                done.completeExceptionally(failure);
            }
        };
        Thread.ofVirtual().name("import-" + kind.code()).start(new DelegatingSecurityContextRunnable(work, caller));
        return done;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the import file {}", file, e);
        }
    }

    /**
     * On PostgreSQL, tells the planner to use the indexes for this transaction only. Every lookup
     * of an import is by key (external ids, a batch's leads), but the tables grow inside the
     * transaction, where the planner's statistics cannot follow: on a new database it took the
     * tables for empty and scanned them whole for each batch (the import of 200,000 leads then
     * grew quadratically). H2 plans by its own row counts and needs nothing. JIT off as well: a scan
     * that has no index (the statistics' triggers join the 150-row duration_bucket table by range)
     * costs 10^10 with seq scans "off", far above jit_above_cost, so PostgreSQL JIT-compiled each
     * trigger statement: 430 ms a lead, the 200,000 leads never finished (decision 020).
     */
    private void indexesOnly() {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if ("PostgreSQL".equals(product)) {
            jdbc.execute("set local enable_seqscan = off");
            jdbc.execute("set local jit = off");
        }
    }

    /**
     * The header and first records of a file, each cell read by its column's format as the import
     * would (references to people, leads and channels are checked by the import), storing nothing.
     */
    public ImportPreview preview(ImportKind kind, InputStream csv, int records, Locale locale) {
        Messages messages = new Messages(messageSource, locale);
        try (CsvSource source = new CsvSource(csv, kind, messages)) {
            List<ImportPreview.PreviewRow> rows = new ArrayList<>();
            CsvSource.Record record;
            while (rows.size() < records && (record = source.next()) != null && record.malformed() == null) {
                rows.add(previewRow(source, new Row(source, record, messages)));
            }
            return new ImportPreview(kind, source.header(), rows, source.headerProblems());
        }
    }

    private static ImportPreview.PreviewRow previewRow(CsvSource source, Row row) {
        List<ImportPreview.PreviewCell> cells = new ArrayList<>(source.header().size());
        List<String> texts = row.cells();
        for (int i = 0; i < source.header().size(); i++) {
            String text = i < texts.size() ? texts.get(i) : "";
            ImportColumn column = source.kind().column(source.header().get(i)).orElse(null);
            if (column == null || source.position(column.name()) != i) {
                cells.add(new ImportPreview.PreviewCell(text, null, null, null, false));
                continue;
            }
            int before = row.problems().size();
            Object value = row.read(column);
            String problem = row.problems().size() > before ? row.problems().get(before).message() : null;
            boolean threeDecimals = column.format() == ImportColumn.Format.MONEY && value != null
                    && Row.THOUSANDS_LOOKALIKE.matcher(text.strip()).matches();
            cells.add(new ImportPreview.PreviewCell(text, column, value, problem, threeDecimals));
        }
        return new ImportPreview.PreviewRow(row.line(), cells);
    }

    /**
     * The kind's columns as the import reads them, with the values a channel column takes: the
     * active channels' codes (inactive ones are still accepted in history, but nobody should be
     * told to use them).
     */
    public List<ImportColumn> columns(ImportKind kind) {
        List<String> channelCodes = channels.list(false).stream().map(Channel::code).toList();
        return kind.definitions().stream()
                .map(c -> c.format() == ImportColumn.Format.CHANNEL ? c.withValues(channelCodes) : c)
                .toList();
    }

    /** A template of the kind: the header and one example row, from the columns' definitions. */
    public void writeTemplate(ImportKind kind, OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, kind.columns());
        csv.row(kind.definitions().stream().map(ImportColumn::example).toList());
        csv.flush();
    }

    /**
     * A sample file of the kind: a few realistic rows that import cleanly into the demo data when
     * the kinds are imported in their order (users first); the rows refer to the demo team,
     * channels and to the samples of earlier kinds.
     */
    public InputStream sample(ImportKind kind) {
        InputStream in = ImportService.class.getResourceAsStream(SAMPLES + kind.code() + ".csv");
        if (in == null) {
            throw new IllegalStateException("no sample for " + kind.code());
        }
        return in;
    }

    private ImportResult run(ImportKind kind, InputStream csv, Messages messages, ImportProgress progress) {
        List<ImportProblem> problems = new ArrayList<>();
        long records = 0;
        try (CsvSource source = new CsvSource(csv, kind, messages)) {
            if (!source.headerProblems().isEmpty()) {
                return new ImportResult(kind, 0, source.headerProblems());
            }
            ImportSession session = new ImportSession(messages, users, leads, channels.directory());
            int width = source.header().size();
            List<Row> batch = new ArrayList<>(BATCH);
            CsvSource.Record record;
            boolean more = true;
            while (more && problems.size() < MAX_PROBLEMS) {
                record = source.next();
                if (record != null && record.malformed() != null) {
                    problems.add(new ImportProblem(record.line(), null,
                            messages.get("import.error.malformed", record.malformed())));
                    break;
                }
                if (record != null) {
                    records++;
                    Row row = new Row(source, record, messages);
                    if (record.cells().size() != width) {
                        row.fail(null, "import.error.width", width, record.cells().size());
                    }
                    batch.add(row);
                }
                more = record != null;
                if (batch.size() == BATCH || (!more && !batch.isEmpty())) {
                    if (!store(kind, batch, session, problems)) {
                        break;
                    }
                    progress.advanced(records, source.bytesRead());
                    batch.clear();
                }
            }
            if (records == 0 && problems.isEmpty()) {
                problems.add(new ImportProblem(1, null, messages.get("import.error.no-records")));
            }
            if (problems.isEmpty()) {
                kinds.finish(kind, session);
            }
        }
        return new ImportResult(kind, problems.isEmpty() ? records : 0,
                problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
    }

    /** Stores a batch's good rows and notes the bad ones; false when the database refused (stop). */
    private boolean store(ImportKind kind, List<Row> batch, ImportSession session, List<ImportProblem> problems) {
        boolean usable = true;
        List<Row> readable = batch.stream().filter(r -> !r.failed()).toList();
        try {
            if (!readable.isEmpty()) {
                kinds.importBatch(kind, readable, session);
            }
            entityManager.flush();
            entityManager.clear();
        } catch (DataAccessException e) {
            // a rule no service checked, caught by the database: the transaction is lost, stop here
            log.warn("Import of {} stopped by the database", kind.code(), e);
            Row first = batch.getFirst();
            first.fail(null, "import.error.database", e.getMostSpecificCause().getMessage());
            usable = false;
        }
        for (Row row : batch) {
            problems.addAll(row.problems());
        }
        return usable;
    }
}
