package app.ponte.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ponte.Application;
import app.ponte.TestUsers;
import app.ponte.lead.Intent;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.NewLead;
import app.ponte.notification.NewNotification;
import app.ponte.notification.NotificationKind;
import app.ponte.notification.NotificationService;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two application nodes on different ports share one PostgreSQL database (as behind a load
 * balancer with sticky sessions): what happens on node A reaches subscribers on node B through
 * LISTEN/NOTIFY, also after B's listening connection was cut.
 */
@Tag("persistence")
@EnabledIfSystemProperty(named = "ponte.test.db", matches = "postgres")
class TwoNodesTest {

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    /** The suite's own strategy: each Vaadin context installs its own, and the shared context needs its back. */
    private static SecurityContextHolderStrategy suiteStrategy;

    private static ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(Application.class)
                .profiles("test", "test-postgres")
                .run("--server.port=0", "--spring.main.banner-mode=off", "--ponte.live.relay=postgres",
                        "--vaadin.productionMode=true", "--spring.application.name=" + name);
    }

    @BeforeAll
    static void startTwoNodes() {
        suiteStrategy = SecurityContextHolder.getContextHolderStrategy();
        try {
            nodeA = start("node-a");
            nodeB = start("node-b");
        } finally {
            SecurityContextHolder.setContextHolderStrategy(suiteStrategy);
        }
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        SecurityContextHolder.setContextHolderStrategy(suiteStrategy);
        SecurityContextHolder.clearContext();
    }

    /** Runs {@code work} on {@code node} as {@code username} (each node has its own security context strategy). */
    private static <T> T on(ConfigurableApplicationContext node, String username, Role role, Supplier<T> work) {
        SecurityContextHolder.setContextHolderStrategy(node.getBean(SecurityContextHolderStrategy.class));
        try {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    username, null, List.of(new SimpleGrantedAuthority(role.authority()))));
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
            SecurityContextHolder.setContextHolderStrategy(suiteStrategy);
        }
    }

    private static UserSummary user(String prefix, Role role) {
        return on(nodeA, "system", Role.ADMIN, () -> nodeA.getBean(TestUsers.class).create(prefix, role));
    }

    @Test
    void the_nodes_listen_on_different_ports() {
        int a = ((WebServerApplicationContext) nodeA).getWebServer().getPort();
        int b = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
        assertThat(a).isPositive().isNotEqualTo(b);
        assertThat(nodeA.getBean(LiveEvents.class).nodeId()).isNotEqualTo(nodeB.getBean(LiveEvents.class).nodeId());
    }

    @Test
    void a_lead_changed_on_node_a_reaches_a_subscriber_on_node_b() {
        UserSummary marketer = user("node-mkt", Role.MARKETING);
        Set<Long> seenOnB = ConcurrentHashMap.newKeySet();
        try (var subscription = nodeB.getBean(LiveEvents.class).subscribe(LeadService.TOPIC, null,
                events -> events.forEach(e -> seenOnB.add(e.id())))) {
            LeadId lead = on(nodeA, marketer.username(), Role.MARKETING, () -> nodeA.getBean(LeadService.class)
                    .create(new NewLead(TestUsers.uniqueName("Across"), null, null, null, "SEO", Intent.INFORMATIONAL,
                            null, null)));
            await().atMost(Duration.ofSeconds(5)).until(() -> seenOnB.contains(lead.value()));
        }
    }

    @Test
    void a_notification_created_on_node_a_shows_in_the_unread_count_on_node_b() {
        UserSummary bruno = user("node-bruno", Role.SALES);
        NotificationService bellOfB = nodeB.getBean(NotificationService.class);
        Set<Long> bellsRungOnB = ConcurrentHashMap.newKeySet();
        try (var subscription = nodeB.getBean(LiveEvents.class).subscribe(NotificationService.TOPIC,
                bruno.id().value(), events -> events.forEach(e -> bellsRungOnB.add(e.id())))) {
            assertThat(on(nodeB, bruno.username(), Role.SALES, bellOfB::unreadCount)).isZero();
            on(nodeA, "system", Role.ADMIN, () -> {
                nodeA.getBean(NotificationService.class).send(new NewNotification(bruno.id(),
                        NotificationKind.MENTION, "leads", "notification.mention", List.of("Anna", "Rossi Spa")));
                return null;
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> bellsRungOnB.contains(bruno.id().value()));
            assertThat(on(nodeB, bruno.username(), Role.SALES, bellOfB::unreadCount)).isEqualTo(1);
        }
    }

    @Test
    void node_b_reconnects_after_losing_its_listening_connection_and_hears_later_changes() {
        PostgresLiveRelay relayOfB = (PostgresLiveRelay) nodeB.getBean(LiveRelay.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> relayOfB.listenerBackendPid() != null);
        Integer before = relayOfB.listenerBackendPid();
        Set<Long> everythingOnB = ConcurrentHashMap.newKeySet();
        Set<Long> seenOnB = ConcurrentHashMap.newKeySet();
        try (var subscription = nodeB.getBean(LiveEvents.class).subscribe(LeadService.TOPIC, null,
                events -> events.forEach(e -> (e.everything() ? everythingOnB : seenOnB).add(e.id())))) {
            new JdbcTemplate(nodeA.getBean(javax.sql.DataSource.class))
                    .queryForObject("select pg_terminate_backend(?)", Boolean.class, before);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> relayOfB.listenerBackendPid() != null && !relayOfB.listenerBackendPid().equals(before));
            // after reconnecting, B's views are told to re-read (they may have missed something)
            await().atMost(Duration.ofSeconds(5)).until(() -> !everythingOnB.isEmpty());

            UserSummary marketer = user("node-again", Role.MARKETING);
            LeadId lead = on(nodeA, marketer.username(), Role.MARKETING, () -> nodeA.getBean(LeadService.class)
                    .create(new NewLead(TestUsers.uniqueName("After cut"), null, null, null, "SEO",
                            Intent.INFORMATIONAL, null, null)));
            await().atMost(Duration.ofSeconds(5)).until(() -> seenOnB.contains(lead.value()));
        }
    }
}
