package app.ponte.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.PonteTest;
import app.ponte.base.BusinessRuleException;
import app.ponte.lead.Intent;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.NewLead;
import app.ponte.notification.NotificationKind;
import app.ponte.notification.NotificationService;
import app.ponte.security.Role;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import app.ponte.TestUsers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

@PonteTest
@Tag("persistence")
class CommentServiceTest {

    @Autowired
    CommentService comments;

    @Autowired
    LeadService leads;

    @Autowired
    NotificationService notifications;

    @Autowired
    UserService users;

    @Autowired
    TestUsers testUsers;

    private UserSummary anna;
    private UserSummary bruno;
    private LeadId lead;

    private static void signIn(UserSummary user, Role role) {
        var authorities = List.of(new SimpleGrantedAuthority(role.authority()));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user.username(), null, authorities));
    }

    @BeforeEach
    void leadAndTwoColleagues() {
        anna = testUsers.create("cm-anna", Role.MARKETING);
        bruno = testUsers.create("cm-bruno", Role.SALES);
        signIn(anna, Role.MARKETING);
        lead = leads.create(new NewLead(TestUsers.uniqueName("Comment lead"), null, null, null, "SEO",
                Intent.INFORMATIONAL, null, null));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long unreadOf(UserSummary user, Role role) {
        signIn(user, role);
        long count = notifications.unreadCount();
        signIn(anna, Role.MARKETING);
        return count;
    }

    @Test
    void a_comment_is_stored_as_typed_and_listed_with_its_author() {
        comments.add(lead, "  <b>Call</b> them back <script>alert(1)</script>  ");
        List<CommentEntry> list = comments.list(lead);
        assertThat(list).hasSize(1);
        assertThat(list.getFirst().body()).isEqualTo("<b>Call</b> them back <script>alert(1)</script>");
        assertThat(list.getFirst().authorUsername()).isEqualTo(anna.username());
        assertThat(list.getFirst().mine()).isTrue();
    }

    @Test
    void an_empty_or_too_long_comment_is_refused_and_nothing_is_stored() {
        assertThatThrownBy(() -> comments.add(lead, "   ")).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("comment.error.empty");
        assertThatThrownBy(() -> comments.add(lead, "x".repeat(4001))).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("comment.error.too-long");
        assertThat(comments.list(lead)).isEmpty();
    }

    @Test
    void a_mention_notifies_the_colleague_once_but_not_the_author_or_an_email_address() {
        comments.add(lead, "@" + bruno.username() + " please call. Also @" + bruno.username() + ". Me: @"
                + anna.username() + ", mail x@" + bruno.username());
        assertThat(unreadOf(bruno, Role.SALES)).isEqualTo(1);
        assertThat(unreadOf(anna, Role.MARKETING)).isZero();
        signIn(bruno, Role.SALES);
        var note = notifications.latest().getFirst();
        assertThat(note.kind()).isEqualTo(NotificationKind.MENTION);
        assertThat(note.route()).isEqualTo("leads/" + lead.value());
    }

    @Test
    void an_inactive_or_unknown_user_is_not_notified() {
        UserSummary gone = testUsers.create("cm-gone", Role.SALES);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "admin-test", null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        users.deactivate(gone.id());
        signIn(anna, Role.MARKETING);
        comments.add(lead, "@" + gone.username() + " and @nobody-here");
        assertThat(comments.list(lead)).hasSize(1);
        assertThat(unreadOf(gone, Role.SALES)).isZero();
    }

    @Test
    void an_edit_that_adds_a_mention_notifies_only_the_newly_mentioned() {
        UserSummary carla = testUsers.create("cm-carla", Role.SALES);
        CommentEntry first = comments.add(lead, "@" + bruno.username() + " FYI");
        comments.edit(first.id(), "@" + bruno.username() + " FYI, and @" + carla.username(), first.version());
        assertThat(unreadOf(bruno, Role.SALES)).isEqualTo(1);
        assertThat(unreadOf(carla, Role.SALES)).isEqualTo(1);
        assertThat(comments.list(lead).getFirst().editedAt()).isNotNull();
    }

    @Test
    void only_the_author_edits_or_deletes_a_comment() {
        CommentEntry mine = comments.add(lead, "Mine");
        signIn(bruno, Role.SALES);
        assertThat(comments.list(lead).getFirst().mine()).isFalse();
        assertThatThrownBy(() -> comments.edit(mine.id(), "Hijacked", mine.version()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("comment.error.not-yours");
        assertThatThrownBy(() -> comments.delete(mine.id())).isInstanceOf(BusinessRuleException.class);
        signIn(anna, Role.MARKETING);
        assertThat(comments.list(lead).getFirst().body()).isEqualTo("Mine");
        comments.delete(mine.id());
        assertThat(comments.list(lead)).isEmpty();
    }

    @Test
    void mentions_are_found_by_username_at_word_starts() {
        assertThat(CommentService.mentions("hi @Anna.Rossi. and @bruno-, not mail@carla.it or @@x"))
                .containsExactly("anna.rossi", "bruno");
    }
}
