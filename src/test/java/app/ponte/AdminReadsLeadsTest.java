package app.ponte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.base.BusinessRuleException;
import app.ponte.comment.CommentService;
import app.ponte.handoff.HandoffService;
import app.ponte.handoff.NewHandoff;
import app.ponte.interaction.InteractionEntry;
import app.ponte.interaction.InteractionService;
import app.ponte.interaction.InteractionType;
import app.ponte.interaction.NewInteraction;
import app.ponte.lead.LeadChanges;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadFilter;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadSort;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.NewLead;
import app.ponte.lead.StatusMove;
import app.ponte.purchase.NewPurchase;
import app.ponte.purchase.PurchaseService;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Decision 006: an ADMIN reads leads but does not edit them. Every read the lead page and its
 * extensions make answers an admin; every write they could reach refuses one (decision 022).
 */
@PonteTest
class AdminReadsLeadsTest {

    @Autowired
    LeadService leads;
    @Autowired
    InteractionService interactions;
    @Autowired
    HandoffService handoffs;
    @Autowired
    PurchaseService purchases;
    @Autowired
    CommentService comments;
    @Autowired
    TestUsers testUsers;

    private LeadId lead;

    private static void signIn(UserSummary user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.username(), null, user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList()));
    }

    @BeforeEach
    void aLeadWithAHistory() {
        signIn(testUsers.create("adm-mkt", Role.MARKETING));
        lead = leads.create(new NewLead(TestUsers.uniqueName("Admin read"), "Acme", null, null, "WEBSITE", null, null,
                null));
        leads.move(lead, StatusMove.to(LeadStatus.MQL, leads.get(lead).orElseThrow().version()));
        interactions.log(new NewInteraction(lead, InteractionType.CALL, null, false, null, "First call", 4, null,
                null));
        comments.add(lead, "Looks promising");
        handoffs.handOff(NewHandoff.toQueue(lead, "Ready for sales"));
        signIn(testUsers.create("adm", Role.ADMIN));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_admin_reads_everything_the_lead_page_shows() {
        LeadDetails details = leads.get(lead).orElseThrow();
        assertThat(leads.history(lead)).extracting(c -> c.to()).containsExactly(LeadStatus.MQL);
        assertThat(leads.find(new LeadFilter(details.name(), null, null, null, null, false, null, null),
                LeadSort.NAME, true, 0, 10)).extracting(s -> s.id()).containsExactly(lead);
        assertThat(interactions.forLead(lead)).extracting(InteractionEntry::summary).containsExactly("First call");
        assertThat(interactions.averageOutcome(lead).scored()).isEqualTo(1);
        assertThat(handoffs.forLead(lead)).hasSize(1);
        assertThat(handoffs.pendingFor(lead)).isPresent();
        assertThat(purchases.forLead(lead)).isEmpty();
        assertThat(comments.list(lead)).hasSize(1);
    }

    @Test
    void an_admin_is_offered_no_move_no_edit_and_no_interaction_to_log() {
        LeadDetails details = leads.get(lead).orElseThrow();
        assertThat(leads.allowedMoves(details)).isEmpty();
        assertThat(leads.mayEdit(details)).isFalse();
        assertThat(interactions.mayLog()).isFalse();
        InteractionEntry call = interactions.forLead(lead).getFirst();
        assertThat(interactions.rights().mayEdit(call)).isFalse();
        assertThat(handoffs.mayHandOff()).isFalse();
    }

    @Test
    void the_services_refuse_an_admin_s_writes() {
        LeadDetails details = leads.get(lead).orElseThrow();
        assertThatThrownBy(() -> leads.update(lead, new LeadChanges("Renamed", null, null, null, "WEBSITE", null, null,
                null, details.version()))).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> leads.move(lead, StatusMove.to(LeadStatus.NEW, details.version())))
                .isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> interactions.log(new NewInteraction(lead, InteractionType.EMAIL, null, false, null,
                "Sent", null, null, null))).isInstanceOf(AccessDeniedException.class);
        InteractionEntry call = interactions.forLead(lead).getFirst();
        assertThatThrownBy(() -> interactions.completeNextStep(call.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> interactions.myAgenda()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> handoffs.handOff(NewHandoff.toQueue(lead, "again")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> purchases.record(new NewPurchase(lead, LocalDate.now(), new BigDecimal("10.00"),
                null))).isInstanceOf(AccessDeniedException.class);
        assertThat(interactions.forLead(lead)).hasSize(1);
        assertThat(leads.get(lead).orElseThrow().name()).isEqualTo(details.name());
    }
}
