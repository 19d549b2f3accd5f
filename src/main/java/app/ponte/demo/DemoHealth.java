package app.ponte.demo;

import app.ponte.base.i18n.Languages;
import app.ponte.health.Cadence;
import app.ponte.health.ImportedResponse;
import app.ponte.health.LibraryQuestion;
import app.ponte.health.NewOneOnOne;
import app.ponte.health.NewSurvey;
import app.ponte.health.OneOnOneDetails;
import app.ponte.health.OneOnOneId;
import app.ponte.health.OneOnOneService;
import app.ponte.health.Rhythm;
import app.ponte.health.SurveyId;
import app.ponte.health.SurveyService;
import app.ponte.security.Role;
import app.ponte.security.UserId;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Team-health demo data: a monthly pulse survey with a year of runs that met the anonymity
 * threshold (eNPS slowly improving), the current month's run still below it, and one-on-ones of
 * the demo manager with two reports, with agendas, notes, a private note and action items.
 * Drawn from a seeded random; surveys and meetings are created as the demo manager.
 */
@Component
class DemoHealth {

    static final String SURVEY_TITLE = DemoTexts.SURVEY_TITLE;
    static final int PAST_RUNS = 12;

    private final SurveyService surveys;
    private final OneOnOneService oneOnOnes;
    private final UserService users;
    private final Clock clock;

    DemoHealth(SurveyService surveys, OneOnOneService oneOnOnes, UserService users, Clock clock) {
        this.surveys = surveys;
        this.oneOnOnes = oneOnOnes;
        this.users = users;
        this.clock = clock;
    }

    /** Creates the survey history and the one-on-ones; call as the system. Returns the runs created. */
    int create(long seed, ZoneId zone, UserSummary manager, UserSummary seller, UserSummary marketer) {
        Random random = new Random(seed ^ 0x5eed_4ea1L);
        Map<UserId, Role> people = new LinkedHashMap<>();
        Set<UserId> italian = new HashSet<>();
        for (Role role : List.of(Role.MANAGER, Role.ADMIN, Role.SALES, Role.MARKETING)) {
            users.activeWithRole(role).forEach(u -> {
                people.putIfAbsent(u.id(), role);
                if (writesItalian(u)) {
                    italian.add(u.id());
                }
            });
        }
        int threshold = surveys.anonymityThreshold();
        LocalDate thisMonth = LocalDate.now(clock.withZone(zone)).withDayOfMonth(1);
        LocalDate first = thisMonth.minusMonths(PAST_RUNS);
        SurveyId survey = as(manager, () -> surveys.create(new NewSurvey(SURVEY_TITLE, Cadence.MONTHLY, null, 7, first,
                List.of(LibraryQuestion.ENPS.question(), LibraryQuestion.WORKLOAD.question(),
                        LibraryQuestion.MANAGER_SUPPORT.question(), LibraryQuestion.TEAMWORK.question(),
                        LibraryQuestion.IMPROVE.question()))));
        List<UserId> everyone = new ArrayList<>(people.keySet());
        for (int i = 0; i < PAST_RUNS; i++) {
            LocalDate period = first.plusMonths(i);
            Instant opens = period.atStartOfDay(zone).toInstant().plus(Duration.ofHours(8));
            int count = Math.min(everyone.size(), Math.max(threshold, everyone.size() - 1 - random.nextInt(5)));
            List<UserId> answered = pick(everyone, count, random);
            double mood = i / (double) PAST_RUNS; // slowly better over the year
            surveys.importRun(survey, period, opens, period.plusDays(7).atStartOfDay(zone).toInstant(), everyone.size(),
                    answered, responses(answered, people, italian, mood, random));
        }
        // this month's run: open, and still below the threshold
        int few = Math.max(0, Math.min(threshold - 1, 3));
        List<UserId> early = pick(everyone.stream().filter(id -> !id.equals(manager.id())).toList(), few, random);
        Instant now = clock.instant();
        surveys.importRun(survey, thisMonth, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(6)),
                everyone.size(), early, responses(early, people, italian, 0.9, random));
        createOneOnOnes(manager, seller, marketer, zone);
        return PAST_RUNS + 1;
    }

    private static List<UserId> pick(List<UserId> from, int count, Random random) {
        List<UserId> copy = new ArrayList<>(from);
        Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, Math.min(count, copy.size())));
    }

    /** Answers as each respondent would write them: free text in their own language. */
    private static List<ImportedResponse> responses(List<UserId> answered, Map<UserId, Role> people,
            Set<UserId> italian, double mood, Random random) {
        List<ImportedResponse> result = new ArrayList<>();
        for (UserId id : answered) {
            int enps = clamp((int) Math.round(5.5 + 3 * mood + random.nextGaussian() * 2.2), 0, 10);
            Map<Integer, Integer> scores = new HashMap<>();
            scores.put(1, enps);
            for (int q = 2; q <= 4; q++) {
                scores.put(q, clamp((int) Math.round(3 + mood + random.nextGaussian()), 1, 5));
            }
            Map<Integer, String> texts = random.nextInt(3) == 0
                    ? Map.of(5, DemoTexts.SURVEY_ANSWERS.pick(random, italian.contains(id))) : Map.of();
            result.add(new ImportedResponse(people.get(id), scores, texts));
        }
        return result;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /**
     * The manager's one-on-ones. What the manager writes for the report (the shared agenda and notes,
     * the report's action items) is in the report's language; the manager's own action item and
     * private note in the manager's (README, demo data).
     */
    private void createOneOnOnes(UserSummary manager, UserSummary rossi, UserSummary sromano, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        boolean managerItalian = writesItalian(manager);
        boolean rossiItalian = writesItalian(rossi);
        boolean saraItalian = writesItalian(sromano);
        as(manager, () -> {
            Instant firstMeeting = today.minusWeeks(6).atTime(10, 0).atZone(zone).toInstant();
            String[][] rossiNotes = rossiItalian ? new String[][] {
                {"Pipeline del trimestre; formazione sulla nuova offerta",
                    "Pipeline in salute, due trattative ferme allo stadio di opportunità."},
                {"Trattative ferme; seguito dei contatti della fiera",
                    "Concordata una chiamata con il marketing per i contatti della fiera."},
                {"Obiettivi del prossimo trimestre", "Obiettivi concordati; vuole guidare il progetto pilota grandi clienti."}}
                : new String[][] {
                {"Q3 pipeline; training on the new offer", "Pipeline healthy, two deals stuck at the opportunity stage."},
                {"Stuck deals; trade fair follow-ups", "Agreed a joint call with marketing for the fair leads."},
                {"Targets for next quarter", "Targets agreed; wants to lead the key-account pilot."}};
            OneOnOneId last = null;
            for (int i = 0; i < rossiNotes.length; i++) {
                last = meeting(manager, rossi, firstMeeting.plus(Duration.ofDays(14L * i)), rossiNotes[i][0],
                        rossiNotes[i][1]);
            }
            long done = oneOnOnes.addActionItem(last, rossi.id(), rossiItalian
                    ? "Inviare il caso di studio ad Alpi Meccanica" : "Send the case study to Alpi Meccanica",
                    today.minusDays(3));
            oneOnOnes.setActionDone(done, true);
            oneOnOnes.addActionItem(last, rossi.id(), rossiItalian
                    ? "Preparare il piano del progetto pilota grandi clienti" : "Prepare the key-account pilot plan",
                    today.plusDays(5));
            oneOnOnes.addActionItem(last, manager.id(), managerItalian
                    ? "Chiedere all'amministrazione il budget per la formazione" : "Ask finance about the training budget",
                    today.plusDays(2));
            oneOnOnes.savePrivateNote(last, managerItalian
                    ? "Pronto per più responsabilità; parlare di un aumento alla valutazione."
                    : "Ready for more responsibility; discuss a raise in the review.");
            // the next one, from the biweekly rhythm
            oneOnOnes.schedule(new NewOneOnOne(rossi.id(), firstMeeting.plus(Duration.ofDays(42)), null, Rhythm.BIWEEKLY));

            OneOnOneId sara = saraItalian
                    ? meeting(manager, sromano, today.minusWeeks(2).atTime(15, 0).atZone(zone).toInstant(),
                            "Risultati della newsletter; qualità dei passaggi",
                            "Aperture della newsletter in crescita; meno passaggi rifiutati dopo la nuova checklist.")
                    : meeting(manager, sromano, today.minusWeeks(2).atTime(15, 0).atZone(zone).toInstant(),
                            "Newsletter results; handoff quality",
                            "Newsletter opens up; fewer rejected handoffs since the new checklist.");
            oneOnOnes.addActionItem(sara, sromano.id(), saraItalian ? "Condividere con il team la checklist dei passaggi"
                    : "Share the handoff checklist with the team", today.minusDays(1));
            return null;
        });
    }

    static boolean writesItalian(UserSummary user) {
        return user.language() != null && Languages.ITALIAN.getLanguage().equals(user.language().getLanguage());
    }

    private OneOnOneId meeting(UserSummary manager, UserSummary report, Instant at, String agenda, String notes) {
        OneOnOneId id = oneOnOnes.schedule(new NewOneOnOne(report.id(), at, 60, Rhythm.BIWEEKLY));
        OneOnOneDetails details = oneOnOnes.saveAgenda(id, agenda, oneOnOnes.get(id).version());
        oneOnOnes.saveNotes(id, notes, details.version());
        return id;
    }

    /** Runs work as a demo account (surveys and meetings are created by a person, not the system). */
    private static <T> T as(UserSummary user, Supplier<T> work) {
        return app.ponte.security.SystemCaller.callAs(user.username(), user.roles(), work);
    }
}
