package app.ponte.demo;

import app.ponte.security.NewUser;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserFilter;
import app.ponte.security.UserService;
import app.ponte.security.UserSort;
import app.ponte.security.UserSummary;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code ponte.demo-data=true}, fills an empty database (no accounts yet) with the demo team
 * and, as features arrive, a deterministic history drawn from a seeded random; then prints the
 * sign-in accounts. A database that already holds accounts is never touched.
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoProperties properties;
    private final UserService users;
    private final DemoLeads leads;
    private final DemoHealth health;
    private final app.ponte.base.PonteProperties ponte;
    private final java.time.Clock clock;

    DemoDataLoader(DemoProperties properties, UserService users, DemoLeads leads, DemoHealth health,
            app.ponte.base.PonteProperties ponte, java.time.Clock clock) {
        this.properties = properties;
        this.users = users;
        this.leads = leads;
        this.health = health;
        this.ponte = ponte;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData()) {
            return;
        }
        SystemCaller.run(() -> {
            boolean empty = users.find(UserFilter.all(), UserSort.USERNAME, true, 0, 1).isEmpty();
            if (empty) {
                createTeam();
                createLeads();
                int runs = health.create(properties.demo().seed(), ponte.zone(),
                        users.findByUsername("manager").orElseThrow(), users.findByUsername("rossi").orElseThrow(),
                        users.findByUsername("sromano").orElseThrow());
                log.info("Demo data: created a pulse survey with {} runs and one-on-ones", runs);
            }
            printAccounts();
        });
    }

    private void createTeam() {
        for (DemoTeam.Member member : DemoTeam.MEMBERS) {
            UserSummary user = users.create(new NewUser(member.username(), member.fullName(),
                    member.username() + "@ponte.example", member.roles(), DemoTeam.PASSWORD,
                    Locale.forLanguageTag(member.language())));
            if (!member.active()) {
                users.deactivate(user.id());
            }
        }
        log.info("Demo data: created {} accounts", DemoTeam.MEMBERS.size());
    }

    private void createLeads() {
        long started = System.nanoTime();
        java.util.List<app.ponte.security.UserId> marketers = activeIds(app.ponte.security.Role.MARKETING);
        java.util.List<app.ponte.security.UserId> sellers = activeIds(app.ponte.security.Role.SALES);
        java.util.List<app.ponte.security.UserId> managers = activeIds(app.ponte.security.Role.MANAGER);
        // every text is written in its author's language (README, demo data)
        java.util.Set<app.ponte.security.UserId> italian = java.util.stream.Stream.of(app.ponte.security.Role.values())
                .flatMap(role -> users.activeWithRole(role).stream()).filter(DemoHealth::writesItalian)
                .map(UserSummary::id).collect(Collectors.toSet());
        int changes = leads.create(properties.demo().leads(), properties.demo().seed(), clock.instant(), marketers,
                sellers, managers, italian);
        log.info("Demo data: created {} leads with {} status changes in {} ms", properties.demo().leads(), changes,
                (System.nanoTime() - started) / 1_000_000);
        int spend = leads.createSpend(clock.instant(), properties.demo().seed());
        log.info("Demo data: created {} monthly spend rows", spend);
    }

    private java.util.List<app.ponte.security.UserId> activeIds(app.ponte.security.Role role) {
        return users.activeWithRole(role).stream().map(UserSummary::id).toList();
    }

    private void printAccounts() {
        String table = DemoTeam.MEMBERS.stream()
                .sorted(Comparator.comparing(DemoTeam.Member::username))
                .map(m -> String.format("  %-10s %-18s %-20s%s", m.username(), m.fullName(),
                        m.roles().stream().map(Enum::name).sorted().collect(Collectors.joining("+")),
                        m.active() ? "" : " (inactive: cannot sign in)"))
                .collect(Collectors.joining("\n"));
        log.info("""

                ================ Ponte demo accounts (password for all: {}) ================
                {}
                ==================================================================================""",
                DemoTeam.PASSWORD, table);
    }
}
