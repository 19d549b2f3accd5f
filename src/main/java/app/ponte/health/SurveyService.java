package app.ponte.health;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.CsvWriter;
import app.ponte.base.PonteProperties;
import app.ponte.health.query.SurveyQuery;
import app.ponte.health.query.SurveyQuery.ScoreCount;
import app.ponte.health.repository.SurveyStore;
import app.ponte.notification.NotificationKind;
import app.ponte.notification.NotificationService;
import app.ponte.security.AppRoles;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import app.ponte.security.UserId;
import app.ponte.security.UserService;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only door to pulse surveys: managers create them; runs open by themselves each period
 * (once, whatever the number of nodes: the run's unique key decides); everyone asked answers a run
 * once, anonymously; managers read results only where at least {@code anonymityThreshold} people
 * answered — for the run and for every slice of it.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class SurveyService {

    static final int TITLE_MAX = 200;
    static final int QUESTION_MAX = 300;
    static final int TEXT_ANSWER_MAX = 2000;
    static final int MAX_QUESTIONS = 10;
    /** The role group of a response: the first of these the respondent holds. */
    static final List<Role> ROLE_GROUP_ORDER = List.of(Role.MANAGER, Role.ADMIN, Role.SALES, Role.MARKETING);
    /** Columns of the survey list export (docs/export.md); an empty {@code audience} is everyone. */
    public static final List<String> SURVEYS_EXPORT_HEADER = List.of("title", "cadence", "audience", "open_days",
            "starts_on", "active", "questions", "runs");
    public static final String[] EXPORT_HEADER = {"survey", "period_start", "slice", "responses", "suppressed",
        "participation_rate", "question", "type", "answered", "mean", "distribution", "enps", "promoters", "passives",
        "detractors", "text"};

    private final SurveyStore store;
    private final SurveyQuery query;
    private final SurveyProperties settings;
    private final PonteProperties properties;
    private final UserService users;
    private final CurrentUser currentUser;
    private final NotificationService notifications;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final SecureRandom random = new SecureRandom();

    SurveyService(SurveyStore store, SurveyQuery query, SurveyProperties settings, PonteProperties properties,
            UserService users, CurrentUser currentUser, NotificationService notifications, Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.query = query;
        this.settings = settings;
        this.properties = properties;
        this.users = users;
        this.currentUser = currentUser;
        this.notifications = notifications;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The setting, for texts that explain it; no secret. */
    @PreAuthorize("permitAll()")
    public int anonymityThreshold() {
        return settings.anonymityThreshold();
    }

    // ---- surveys -------------------------------------------------------------------------------

    @Transactional
    @PreAuthorize(AppRoles.HAS_MANAGER)
    public SurveyId create(NewSurvey survey) {
        String title = survey.title() == null ? "" : survey.title().strip();
        if (title.isEmpty()) {
            throw new BusinessRuleException("title", "survey.error.title-required");
        }
        if (title.length() > TITLE_MAX) {
            throw new BusinessRuleException("title", "survey.error.too-long", TITLE_MAX);
        }
        if (survey.cadence() == null) {
            throw new BusinessRuleException("cadence", "survey.error.cadence-required");
        }
        if (survey.openDays() < 1 || survey.openDays() > survey.cadence().maxOpenDays()) {
            throw new BusinessRuleException("openDays", "survey.error.open-days", 1, survey.cadence().maxOpenDays());
        }
        List<NewQuestion> questions = survey.questions();
        if (questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
            throw new BusinessRuleException("questions", "survey.error.question-count", MAX_QUESTIONS);
        }
        List<NewQuestion> checked = new ArrayList<>();
        for (NewQuestion q : questions) {
            checked.add(check(q));
        }
        Instant now = clock.instant();
        LocalDate startsOn = survey.startsOn() == null ? today() : survey.startsOn();
        long id = store.insertSurvey(title, survey.cadence(), survey.audience(), survey.openDays(), startsOn,
                users.currentUserId().value(), currentUser.requireUsername(), now);
        for (int i = 0; i < checked.size(); i++) {
            store.insertQuestion(id, i + 1, checked.get(i));
        }
        return new SurveyId(id);
    }

    private static NewQuestion check(NewQuestion q) {
        if (q == null || q.type() == null) {
            throw new BusinessRuleException("questions", "survey.error.question-type");
        }
        if (q.libraryKey() != null) {
            LibraryQuestion library = LibraryQuestion.ofKey(q.libraryKey())
                    .orElseThrow(() -> new BusinessRuleException("questions", "survey.error.question-unknown"));
            return library.question();
        }
        String text = q.text() == null ? "" : q.text().strip();
        if (text.isEmpty()) {
            throw new BusinessRuleException("questions", "survey.error.question-text");
        }
        if (text.length() > QUESTION_MAX) {
            throw new BusinessRuleException("questions", "survey.error.too-long", QUESTION_MAX);
        }
        return NewQuestion.custom(q.type(), text);
    }

    @PreAuthorize(AppRoles.HAS_MANAGER_OR_ADMIN)
    public List<SurveySummary> surveys() {
        return query.surveys();
    }

    /** Writes the survey list as {@link #surveys} gives it, as CSV (docs/export.md). */
    @PreAuthorize(AppRoles.HAS_MANAGER_OR_ADMIN)
    public void exportSurveys(OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, SURVEYS_EXPORT_HEADER);
        for (SurveySummary s : surveys()) {
            csv.row(s.title(), s.cadence().name(),
                    s.audience().stream().sorted().map(Enum::name).collect(java.util.stream.Collectors.joining(";")),
                    s.openDays(), s.startsOn(), s.active(), s.questions(), s.runs());
        }
        csv.flush();
    }

    @PreAuthorize(AppRoles.HAS_MANAGER_OR_ADMIN)
    public Optional<SurveySummary> survey(SurveyId id) {
        return query.survey(id);
    }

    @PreAuthorize(AppRoles.HAS_MANAGER_OR_ADMIN)
    public List<Question> questions(SurveyId id) {
        return query.questions(id.value());
    }

    @PreAuthorize(AppRoles.HAS_MANAGER_OR_ADMIN)
    public List<SurveyRun> runs(SurveyId id) {
        return query.runs(id);
    }

    /** Stops (or resumes) opening new runs; runs already open stay answerable only while active. */
    @Transactional
    @PreAuthorize(AppRoles.HAS_MANAGER)
    public void setActive(SurveyId id, boolean active) {
        if (store.setActive(id.value(), active, currentUser.requireUsername(), clock.instant()) == 0) {
            throw new BusinessRuleException(null, "survey.error.not-found");
        }
    }

    // ---- runs ------------------------------------------------------------------------------------

    /**
     * Opens the current period's run of every active survey that has none yet, each in its own
     * transaction; a run that another node (or an earlier call) opened first is skipped. Returns
     * how many runs this call opened. Called by the scheduler as the system, and safe to call again.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public int openDueRuns() {
        int opened = 0;
        LocalDate today = today();
        for (SurveyQuery.Schedule schedule : query.activeSchedules()) {
            if (today.isBefore(schedule.startsOn())) {
                continue;
            }
            LocalDate period = schedule.cadence().periodStart(today, schedule.startsOn());
            if (schedule.cadence() != Cadence.ONCE
                    && period.isBefore(schedule.cadence().periodStart(schedule.startsOn(), schedule.startsOn()))) {
                continue;
            }
            if (query.runExists(schedule.id(), period)) {
                continue;
            }
            if (openRun(schedule, period)) {
                opened++;
            }
        }
        return opened;
    }

    /**
     * Opens one run in its own transaction; false when it already exists (the unique key on survey
     * and period refused it) or its window has passed.
     */
    boolean openRun(SurveyQuery.Schedule schedule, LocalDate period) {
        Instant now = clock.instant();
        LocalDate base = period.isBefore(schedule.startsOn()) ? schedule.startsOn() : period;
        Instant closes = base.plusDays(schedule.openDays()).atStartOfDay(properties.zone()).toInstant();
        if (!closes.isAfter(now)) {
            return false;
        }
        try {
            Boolean done = ownTransaction.execute(status -> {
                List<Long> audience = query.audienceMembers(schedule.audience());
                long run = store.insertRun(schedule.id(), period, now, closes, audience.size());
                notifications.send(audience.stream().map(UserId::new).toList(), NotificationKind.SURVEY_OPEN,
                        "survey-runs/" + run, "survey.notification.open", List.of(schedule.title()),
                        "survey-run-" + run);
                return true;
            });
            return Boolean.TRUE.equals(done);
        } catch (DataIntegrityViolationException alreadyOpened) {
            return false;
        }
    }

    /** For tests: opens a survey's run for a period as the scheduler would; false when it exists. */
    @PreAuthorize(AppRoles.HAS_ADMIN)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public boolean openRun(SurveyId survey, LocalDate period) {
        return openRun(query.schedule(survey.value()).orElseThrow(
                () -> new BusinessRuleException(null, "survey.error.not-found")), period);
    }

    // ---- answering -------------------------------------------------------------------------------

    /** The runs open now that ask the signed-in user and that they have not answered, closing soonest first. */
    public List<OpenSurvey> openForMe() {
        Optional<Long> me = currentUserIdIfAny();
        if (me.isEmpty()) {
            return List.of();
        }
        return query.openRunsNotAnsweredBy(me.get(), clock.instant()).stream()
                .filter(run -> asks(query.audience(run.survey().value())))
                .map(run -> new OpenSurvey(run, query.questions(run.survey().value())))
                .toList();
    }

    /** A run to answer: open, asking the signed-in user, not answered yet; else refused with the reason. */
    public OpenSurvey toAnswer(SurveyRunId id) {
        SurveyRun run = query.run(id).orElseThrow(() -> new BusinessRuleException(null, "survey.error.run-not-found"));
        refuseUnlessAnswerable(run, users.currentUserId().value());
        return new OpenSurvey(run, query.questions(run.survey().value()));
    }

    /**
     * Stores the signed-in user's answers, once: every scored question needs a score in its range,
     * text is optional. The response keeps no trace of who gave it; the participation row (kept
     * apart) refuses a second answer, also when two arrive at once.
     */
    @Transactional
    public void answer(SurveyRunId id, SurveyAnswers answers) {
        SurveyRun run = query.run(id).orElseThrow(() -> new BusinessRuleException(null, "survey.error.run-not-found"));
        long me = users.currentUserId().value();
        refuseUnlessAnswerable(run, me);
        Map<Long, Integer> scores = new HashMap<>();
        Map<Long, String> texts = new HashMap<>();
        for (Question q : query.questions(run.survey().value())) {
            if (q.type().scored()) {
                Integer score = answers.scores().get(q.id());
                if (score == null) {
                    throw new BusinessRuleException("q" + q.id(), "survey.error.answer-required");
                }
                if (score < q.type().min() || score > q.type().max()) {
                    throw new BusinessRuleException("q" + q.id(), "survey.error.answer-range", q.type().min(),
                            q.type().max());
                }
                scores.put(q.id(), score);
            } else {
                String text = answers.texts().get(q.id());
                if (text != null && !text.isBlank()) {
                    if (text.strip().length() > TEXT_ANSWER_MAX) {
                        throw new BusinessRuleException("q" + q.id(), "survey.error.too-long", TEXT_ANSWER_MAX);
                    }
                    texts.put(q.id(), text.strip());
                }
            }
        }
        try {
            store.insertParticipation(run.id().value(), me);
        } catch (DataIntegrityViolationException twice) {
            throw new BusinessRuleException(null, "survey.error.already-answered");
        }
        store.insertResponse(run.id().value(), roleGroup(), scores, texts);
    }

    private void refuseUnlessAnswerable(SurveyRun run, long me) {
        if (!run.openAt(clock.instant())) {
            throw new BusinessRuleException(null, "survey.error.run-closed");
        }
        if (!asks(query.audience(run.survey().value()))) {
            throw new BusinessRuleException(null, "survey.error.not-in-audience");
        }
        if (query.participated(run.id().value(), me)) {
            throw new BusinessRuleException(null, "survey.error.already-answered");
        }
    }

    private boolean asks(Set<Role> audience) {
        return audience.isEmpty() ? currentUser.username().isPresent() : audience.stream().anyMatch(currentUser::has);
    }

    private Role roleGroup() {
        return ROLE_GROUP_ORDER.stream().filter(currentUser::has).findFirst().orElse(Role.MARKETING);
    }

    private Optional<Long> currentUserIdIfAny() {
        if (currentUser.username().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(users.currentUserId().value());
        } catch (BusinessRuleException noAccount) {
            return Optional.empty();
        }
    }

    // ---- results -----------------------------------------------------------------------------------

    /**
     * A run's results. Below the anonymity threshold only the number of responses comes back. The
     * breakdown by role group comes only when every group that answered meets the threshold: the
     * groups add up to the whole, so one small group could be read as the whole minus the others.
     */
    @PreAuthorize(AppRoles.HAS_MANAGER_OR_ADMIN)
    public RunResults results(SurveyRunId id) {
        SurveyRun run = query.run(id).orElseThrow(() -> new BusinessRuleException(null, "survey.error.run-not-found"));
        int responses = query.responses(run.id().value());
        if (responses < settings.anonymityThreshold()) {
            return new RunResults(run, responses, true, null, null, List.of(), List.of());
        }
        List<Question> questions = query.questions(run.survey().value());
        Double participation = run.audienceSize() == 0 ? null : (double) responses / run.audienceSize();
        List<ScoreCount> counts = query.scoreCounts(run.id().value(), false);
        List<QuestionResult> results = questionResults(questions, counts, run.id().value(), true);
        return new RunResults(run, responses, false, participation, enps(questions, counts), results,
                slices(run, questions));
    }

    private List<RoleSlice> slices(SurveyRun run, List<Question> questions) {
        Map<Role, Integer> byRole = query.responsesByRole(run.id().value());
        if (byRole.size() < 2 || byRole.values().stream().anyMatch(n -> n < settings.anonymityThreshold())) {
            return List.of();
        }
        Map<Role, List<ScoreCount>> counts = new EnumMap<>(Role.class);
        query.scoreCounts(run.id().value(), true)
                .forEach(c -> counts.computeIfAbsent(c.roleGroup(), r -> new ArrayList<>()).add(c));
        List<RoleSlice> slices = new ArrayList<>();
        byRole.forEach((role, n) -> {
            List<ScoreCount> of = counts.getOrDefault(role, List.of());
            slices.add(new RoleSlice(role, n, enps(questions, of), questionResults(questions, of, run.id().value(), false)));
        });
        return slices;
    }

    private List<QuestionResult> questionResults(List<Question> questions, List<ScoreCount> counts, long run,
            boolean withTexts) {
        List<QuestionResult> results = new ArrayList<>();
        for (Question q : questions) {
            if (q.type().scored()) {
                Map<Integer, Integer> distribution = distribution(q, counts);
                int answered = distribution.values().stream().mapToInt(Integer::intValue).sum();
                results.add(new QuestionResult(q, answered, mean(distribution), distribution, List.of()));
            } else if (withTexts) {
                List<String> texts = new ArrayList<>(query.texts(run, q.id()));
                Collections.shuffle(texts, random);
                results.add(new QuestionResult(q, texts.size(), null, Map.of(), List.copyOf(texts)));
            }
        }
        return results;
    }

    private static Map<Integer, Integer> distribution(Question q, List<ScoreCount> counts) {
        Map<Integer, Integer> distribution = new TreeMap<>();
        for (int s = q.type().min(); s <= q.type().max(); s++) {
            distribution.put(s, 0);
        }
        counts.stream().filter(c -> c.question() == q.id()).forEach(c -> distribution.merge(c.score(), c.count(), Integer::sum));
        return distribution;
    }

    private static Double mean(Map<Integer, Integer> distribution) {
        long n = 0;
        long sum = 0;
        for (var e : distribution.entrySet()) {
            n += e.getValue();
            sum += (long) e.getKey() * e.getValue();
        }
        return n == 0 ? null : (double) sum / n;
    }

    /** The eNPS of the survey's first eNPS question, or null when it has none. */
    private static Enps enps(List<Question> questions, List<ScoreCount> counts) {
        return questions.stream().filter(q -> q.type() == QuestionType.ENPS_0_10).findFirst()
                .map(q -> Enps.of(distribution(q, counts))).orElse(null);
    }

    /** Every run of a survey, oldest first: eNPS and each scored question's mean, none for a suppressed run. */
    @PreAuthorize(AppRoles.HAS_MANAGER_OR_ADMIN)
    public List<TrendPoint> trend(SurveyId survey) {
        List<SurveyRun> runs = query.runs(survey);
        List<Question> questions = query.questions(survey.value());
        Map<Long, Integer> responses = query.responsesPerRun(survey.value());
        List<Long> shown = runs.stream().map(r -> r.id().value())
                .filter(r -> responses.getOrDefault(r, 0) >= settings.anonymityThreshold()).toList();
        Map<Long, List<ScoreCount>> counts = new HashMap<>();
        query.scoreCountsOfRuns(shown).forEach(c -> counts.computeIfAbsent(c.run(), r -> new ArrayList<>()).add(c));
        List<TrendPoint> points = new ArrayList<>();
        for (SurveyRun run : runs) {
            int n = responses.getOrDefault(run.id().value(), 0);
            if (!shown.contains(run.id().value())) {
                points.add(new TrendPoint(run, n, true, null, Map.of()));
                continue;
            }
            List<ScoreCount> of = counts.getOrDefault(run.id().value(), List.of());
            Map<Long, Double> means = new LinkedHashMap<>();
            questions.stream().filter(q -> q.type().scored()).forEach(q -> means.put(q.id(), mean(distribution(q, of))));
            Enps enps = enps(questions, of);
            points.add(new TrendPoint(run, n, false, enps == null ? null : enps.score(), means));
        }
        return points;
    }

    /**
     * Writes a run's results as CSV under the same rule as the screen: below the threshold one row
     * with the number of responses and {@code suppressed = true}, nothing else; role slices only
     * when every group meets it. {@code questionText} renders a question (the library in a language).
     */
    @PreAuthorize(AppRoles.HAS_MANAGER_OR_ADMIN)
    public void export(SurveyRunId id, OutputStream out, Function<Question, String> questionText) {
        RunResults results = results(id);
        CsvWriter csv = CsvWriter.withHeader(out, EXPORT_HEADER);
        String title = results.run().title();
        LocalDate period = results.run().periodStart();
        if (results.suppressed()) {
            csv.row(title, period, "ALL", results.responses(), true, null, null, null, null, null, null, null, null,
                    null, null, null);
            csv.flush();
            return;
        }
        writeSlice(csv, title, period, "ALL", results.responses(), results.participationRate(), results.enps(),
                results.questions(), questionText);
        for (RoleSlice slice : results.byRole()) {
            writeSlice(csv, title, period, slice.role().name(), slice.responses(), null, slice.enps(), slice.questions(),
                    questionText);
        }
        csv.flush();
    }

    private static void writeSlice(CsvWriter csv, String title, LocalDate period, String slice, int responses,
            Double participation, Enps enps, List<QuestionResult> questions, Function<Question, String> text) {
        csv.row(title, period, slice, responses, false, participation, null, null, null, null, null,
                enps == null ? null : enps.score(), enps == null ? null : enps.promoters(),
                enps == null ? null : enps.passives(), enps == null ? null : enps.detractors(), null);
        for (QuestionResult q : questions) {
            if (q.question().type().scored()) {
                StringBuilder distribution = new StringBuilder();
                q.distribution().forEach((score, count) -> distribution.append(distribution.isEmpty() ? "" : " ")
                        .append(score).append(':').append(count));
                csv.row(title, period, slice, responses, false, null, text.apply(q.question()),
                        q.question().type().name(), q.answered(), q.mean(), distribution.toString(), null, null, null,
                        null, null);
            } else {
                for (String answer : q.texts()) {
                    csv.row(title, period, slice, responses, false, null, text.apply(q.question()),
                            q.question().type().name(), q.answered(), null, null, null, null, null, null, answer);
                }
            }
        }
    }

    // ---- history (demo data, import) -----------------------------------------------------------------

    /**
     * Stores a past run with its participants and responses (demo data and imports), as the system.
     * The participants and the responses are stored apart, as for any answer.
     */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public SurveyRunId importRun(SurveyId survey, LocalDate periodStart, Instant opensAt, Instant closesAt,
            int audienceSize, List<UserId> participants, List<ImportedResponse> responses) {
        long run = store.insertRun(survey.value(), periodStart, opensAt, closesAt, audienceSize);
        List<Long> questionIds = store.questionIds(survey.value());
        for (UserId participant : participants) {
            store.insertParticipation(run, participant.value());
        }
        List<ImportedResponse> shuffled = new ArrayList<>(responses);
        Collections.shuffle(shuffled, random);
        for (ImportedResponse response : shuffled) {
            Map<Long, Integer> scores = new HashMap<>();
            response.scores().forEach((order, score) -> scores.put(questionIds.get(order - 1), score));
            Map<Long, String> texts = new HashMap<>();
            response.texts().forEach((order, text) -> texts.put(questionIds.get(order - 1), text));
            store.insertResponse(run, response.roleGroup(), scores, texts);
        }
        return new SurveyRunId(run);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

}
