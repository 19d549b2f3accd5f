package app.ponte.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.NewLead;
import app.ponte.lead.StatusMove;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The handoffs and inbox exports: exactly the rows each list shows its caller, no formula cell. */
@PonteTest
@Tag("persistence")
class HandoffExportTest {

    static final String HEADER = "created_at,lead,lead_name,company,from_user,to_user,via_queue,state,claimed_at,"
            + "decided_at,decided_by,reason_code,decision_note,note";

    @Autowired
    HandoffService handoffs;

    @Autowired
    LeadService leads;

    @Autowired
    TestUsers testUsers;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static String csv(Consumer<java.io.OutputStream> export) {
        var out = new ByteArrayOutputStream();
        export.accept(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** An MQL of the marketer handed to the salesperson; the marketer stays signed in. */
    private HandoffEntry handOff(UserSummary marketer, UserSummary seller, String note) {
        HandoffServiceTest.signIn(marketer);
        LeadId lead = leads.create(new NewLead(TestUsers.uniqueName("Export lead"), "Acme", null, null, "WEBSITE",
                null, null, null));
        leads.move(lead, StatusMove.to(LeadStatus.MQL, leads.get(lead).orElseThrow().version()));
        HandoffId id = handoffs.handOff(new NewHandoff(lead, seller.id(), note));
        return SystemCaller.call(() -> handoffs.get(id).orElseThrow());
    }

    private static String pendingRow(HandoffEntry h, UserSummary from, UserSummary to, String note) {
        return h.createdAt() + "," + h.lead().value() + "," + h.leadName() + ",Acme," + from.username() + ","
                + to.username() + ",false,PENDING,,,,,," + note;
    }

    @Test
    void a_marketer_exports_only_their_own_handoffs_and_a_manager_everyones() {
        UserSummary anna = testUsers.create("hx-anna", Role.MARKETING);
        UserSummary bruno = testUsers.create("hx-bruno", Role.MARKETING);
        UserSummary seller = testUsers.create("hx-sales", Role.SALES);
        HandoffEntry annas = handOff(anna, seller, "Wants the premium plan");
        HandoffEntry brunos = handOff(bruno, seller, "=cmd|' /C calc'!A0");

        HandoffServiceTest.signIn(anna);
        // "everyone" is a manager's option: a marketer asking for it still gets only their own
        assertThat(csv(out -> handoffs.exportSent(true, out))).isEqualTo(
                HEADER + "\r\n" + pendingRow(annas, anna, seller, "Wants the premium plan") + "\r\n");
        HandoffServiceTest.signIn(bruno);
        assertThat(csv(out -> handoffs.exportSent(false, out))).isEqualTo(
                HEADER + "\r\n" + pendingRow(brunos, bruno, seller, "'=cmd|' /C calc'!A0") + "\r\n");

        HandoffServiceTest.signIn(testUsers.create("hx-mgr", Role.MANAGER));
        assertThat(csv(out -> handoffs.exportSent(true, out)).split("\r\n")).contains(
                pendingRow(annas, anna, seller, "Wants the premium plan"),
                pendingRow(brunos, bruno, seller, "'=cmd|' /C calc'!A0"));
    }

    @Test
    void a_decided_handoff_exports_who_decided_when_and_why() {
        UserSummary anna = testUsers.create("hx-dec", Role.MARKETING);
        UserSummary seller = testUsers.create("hx-decs", Role.SALES);
        HandoffEntry sent = handOff(anna, seller, "Hot");
        HandoffServiceTest.signIn(seller);
        HandoffEntry rejected = handoffs.reject(sent.id(), RejectReason.NO_BUDGET, "Next year, maybe", sent.version());

        HandoffServiceTest.signIn(anna);
        assertThat(csv(out -> handoffs.exportSent(false, out))).isEqualTo(HEADER + "\r\n" + sent.createdAt() + ","
                + sent.lead().value() + "," + sent.leadName() + ",Acme," + anna.username() + "," + seller.username()
                + ",false,REJECTED,," + rejected.decidedAt() + "," + seller.username()
                + ",NO_BUDGET,\"Next year, maybe\",Hot\r\n");
    }

    @Test
    void the_inbox_export_adds_the_lead_status_channel_and_service_level() {
        UserSummary anna = testUsers.create("hx-in", Role.MARKETING);
        UserSummary seller = testUsers.create("hx-ins", Role.SALES);
        HandoffEntry sent = handOff(anna, seller, "Call them");

        HandoffServiceTest.signIn(seller);
        String[] lines = csv(handoffs::exportInbox).split("\r\n");
        assertThat(lines[0]).isEqualTo(HEADER + ",lead_status,channel,due_at,overdue");
        assertThat(lines).contains(pendingRow(sent, anna, seller, "Call them") + ",MQL,WEBSITE,"
                + sent.createdAt().plus(java.time.Duration.ofHours(handoffs.slaHours())) + ",false");
    }
}
