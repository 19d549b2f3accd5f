package app.ponte.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.PonteTest;
import app.ponte.TestClock;
import app.ponte.TestUsers;
import app.ponte.base.BusinessRuleException;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.NewLead;
import app.ponte.lead.StatusMove;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Interactions: the rules of logging and editing, the agenda, and the lead's outcome summary. */
@PonteTest
@Tag("persistence")
class InteractionServiceTest {

    @Autowired
    InteractionService interactions;

    @Autowired
    LeadService leads;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    app.ponte.base.PonteProperties properties;

    @AfterEach
    void cleanUp() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    static void signIn(UserSummary user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.username(), null, user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList()));
    }

    private LeadId lead() {
        return leads.create(new NewLead(TestUsers.uniqueName("Lead"), "Acme", null, null, "WEBSITE", null, null, null));
    }

    private NewInteraction call(LeadId lead, Integer score) {
        return new NewInteraction(lead, InteractionType.CALL, null, false, null, "Talked about the offer", score,
                null, null);
    }

    private long stored(LeadId lead) {
        return jdbc.sql("select count(*) from interaction where lead_id = :id").param("id", lead.value())
                .query(Long.class).single();
    }

    @Test
    void a_call_is_logged_with_the_lead_s_status_at_that_moment() {
        UserSummary marketer = testUsers.create("int-mkt", Role.MARKETING);
        signIn(marketer);
        LeadId lead = lead();
        leads.move(lead, StatusMove.to(LeadStatus.MQL, leads.get(lead).orElseThrow().version()));
        InteractionId id = interactions.log(new NewInteraction(lead, InteractionType.CALL, null, false, null,
                "Interested in the premium plan", 4, "Send the price list", LocalDate.now(properties.zone()).plusDays(2)));
        List<InteractionEntry> timeline = interactions.forLead(lead);
        assertThat(timeline).extracting(InteractionEntry::id).containsExactly(id);
        InteractionEntry entry = timeline.getFirst();
        assertThat(entry.leadStatus()).isEqualTo(LeadStatus.MQL);
        assertThat(entry.user().username()).isEqualTo(marketer.username());
        assertThat(entry.outcomeScore()).isEqualTo(4);
        LeadDetails after = leads.get(lead).orElseThrow();
        assertThat(after.lastOutcomeScore()).isEqualTo(4);
        assertThat(after.lastInteractionAt()).isNotNull();
    }

    @Test
    void bad_input_is_refused_at_the_field_and_nothing_is_stored() {
        signIn(testUsers.create("int-bad", Role.SALES));
        LeadId lead = SecurityHelper.asMarketer(testUsers, this::lead);
        signIn(testUsers.create("int-bad2", Role.SALES));
        assertRefused(() -> interactions.log(call(lead, null)), "outcomeScore");
        assertRefused(() -> interactions.log(call(lead, 0)), "outcomeScore");
        assertRefused(() -> interactions.log(call(lead, 6)), "outcomeScore");
        assertRefused(() -> interactions.log(new NewInteraction(lead, null, null, false, null, null, null, null, null)),
                "type");
        assertRefused(() -> interactions.log(new NewInteraction(lead, InteractionType.EMAIL, null, false, null,
                "x".repeat(2001), null, null, null)), "summary");
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        assertRefused(() -> interactions.log(new NewInteraction(lead, InteractionType.EMAIL, yesterday, false, null,
                null, null, "Follow up", LocalDate.now(properties.zone()).minusDays(3))), "nextStepDue");
        assertRefused(() -> interactions.log(new NewInteraction(lead, InteractionType.MEETING,
                Instant.now().plus(Duration.ofDays(2)), false, null, null, 3, null, null)), "occurredAt");
        assertThat(stored(lead)).isZero();
        // an e-mail needs no score; a planned meeting may be in the future and has none
        interactions.log(new NewInteraction(lead, InteractionType.EMAIL, null, false, null, "Sent brochure", null,
                null, null));
        interactions.log(new NewInteraction(lead, InteractionType.MEETING, Instant.now().plus(Duration.ofDays(2)), true,
                null, "Demo at their office", null, null, null));
        assertThat(stored(lead)).isEqualTo(2);
    }

    @Test
    void only_a_manager_logs_for_someone_else() {
        UserSummary seller = testUsers.create("int-for", Role.SALES);
        UserSummary other = testUsers.create("int-other", Role.SALES);
        LeadId lead = SecurityHelper.asMarketer(testUsers, this::lead);
        signIn(seller);
        assertRefused(() -> interactions.log(new NewInteraction(lead, InteractionType.CALL, null, false, other.id(),
                null, 3, null, null)), "user");
        signIn(testUsers.create("int-mgr", Role.MANAGER));
        InteractionId id = interactions.log(new NewInteraction(lead, InteractionType.CALL, null, false, other.id(),
                null, 3, null, null));
        InteractionEntry entry = interactions.forLead(lead).stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow();
        assertThat(entry.user().username()).isEqualTo(other.username());
    }

    @Test
    void authors_edit_for_24_hours_managers_always_and_every_edit_is_audited() {
        UserSummary seller = testUsers.create("int-edit", Role.SALES);
        UserSummary colleague = testUsers.create("int-coll", Role.SALES);
        LeadId lead = SecurityHelper.asMarketer(testUsers, this::lead);
        signIn(seller);
        InteractionId id = interactions.log(call(lead, 3));
        InteractionEntry read = interactions.forLead(lead).getFirst();
        InteractionEntry edited = interactions.edit(id, new InteractionChanges(InteractionType.CALL, read.occurredAt(),
                false, "Corrected summary", 4, null, null, read.version()));
        assertThat(edited.outcomeScore()).isEqualTo(4);

        signIn(colleague);
        assertThatThrownBy(() -> interactions.edit(id, new InteractionChanges(InteractionType.CALL, read.occurredAt(),
                false, "Not mine", 4, null, null, edited.version()))).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("interaction.error.edit-others");

        clock.advance(Duration.ofHours(25));
        signIn(seller);
        assertThatThrownBy(() -> interactions.edit(id, new InteractionChanges(InteractionType.CALL, read.occurredAt(),
                false, "Too late", 4, null, null, edited.version()))).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("interaction.error.edit-window");

        signIn(testUsers.create("int-edit-mgr", Role.MANAGER));
        interactions.edit(id, new InteractionChanges(InteractionType.CALL, read.occurredAt(), false, "Manager fix", 5,
                null, null, edited.version()));
        InteractionEntry audited = interactions.forLead(lead).getFirst();
        assertThat(audited.edits()).hasSize(2);
        assertThat(audited.edits().getFirst().changes()).containsExactly(
                "summary: Talked about the offer → Corrected summary", "outcomeScore: 3 → 4");
        assertThat(audited.edits().get(1).changes()).contains("outcomeScore: 4 → 5");
    }

    @Test
    void two_scored_interactions_of_two_or_less_put_the_lead_at_risk() {
        LeadId lead = SecurityHelper.asMarketer(testUsers, this::lead);
        signIn(testUsers.create("int-risk", Role.SALES));
        interactions.log(call(lead, 2));
        assertThat(atRisk(lead)).isFalse();
        interactions.log(new NewInteraction(lead, InteractionType.EMAIL, null, false, null, "Unscored", null, null, null));
        interactions.log(call(lead, 1));
        assertThat(atRisk(lead)).isTrue();
        interactions.log(call(lead, 4));
        assertThat(atRisk(lead)).isFalse();
    }

    @Test
    void the_agenda_holds_open_next_steps_soonest_first_and_completion_removes_them() {
        LeadId lead = SecurityHelper.asMarketer(testUsers, this::lead);
        signIn(testUsers.create("int-agenda", Role.SALES));
        LocalDate today = LocalDate.now(properties.zone());
        Instant aWeekAgo = Instant.now().minus(Duration.ofDays(7));
        InteractionId overdue = interactions.log(new NewInteraction(lead, InteractionType.CALL, aWeekAgo, false, null,
                null, 3, "Call back", today.minusDays(2)));
        InteractionId later = interactions.log(new NewInteraction(lead, InteractionType.EMAIL, null, false, null, null,
                null, "Send contract", today.plusDays(30)));
        InteractionId due = interactions.log(new NewInteraction(lead, InteractionType.MEETING, null, false, null, null,
                4, "Prepare offer", today));
        assertThat(interactions.myAgenda()).extracting(AgendaItem::interaction).containsExactly(overdue, due, later);
        assertThat(interactions.myOverdueCount()).isEqualTo(1);
        assertThat(interactions.groupOf(today.minusDays(2))).isEqualTo(AgendaGroup.OVERDUE);
        assertThat(interactions.groupOf(today)).isEqualTo(AgendaGroup.TODAY);
        assertThat(interactions.groupOf(today.plusDays(30))).isEqualTo(AgendaGroup.LATER);

        interactions.completeWithFollowUp(overdue, new NewInteraction(lead, InteractionType.CALL, null, false, null,
                "Called back", 4, null, null));
        assertThat(interactions.myAgenda()).extracting(AgendaItem::interaction).containsExactly(due, later);
        assertThat(interactions.myOverdueCount()).isZero();
    }

    @Test
    void admins_do_not_log_interactions() {
        LeadId lead = SecurityHelper.asMarketer(testUsers, this::lead);
        signIn(testUsers.create("int-admin", Role.ADMIN));
        assertThatThrownBy(() -> interactions.log(call(lead, 3))).isInstanceOf(AccessDeniedException.class);
    }

    private boolean atRisk(LeadId lead) {
        return jdbc.sql("select at_risk from lead where id = :id").param("id", lead.value()).query(Boolean.class)
                .single();
    }

    private static void assertRefused(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> assertThat(((BusinessRuleException) e).field()).contains(field));
    }

    /** Creates test data as a marketer, then restores the caller. */
    static final class SecurityHelper {
        static <T> T asMarketer(TestUsers users, java.util.function.Supplier<T> work) {
            var previous = SecurityContextHolder.getContext().getAuthentication();
            signIn(users.create("int-data", Role.MARKETING));
            try {
                return work.get();
            } finally {
                SecurityContextHolder.getContext().setAuthentication(previous);
            }
        }
    }
}
