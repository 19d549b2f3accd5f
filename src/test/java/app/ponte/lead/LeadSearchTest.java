package app.ponte.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The header search: what it matches (name, company, e-mail, phone digits; case ignored, accented
 * letters too) and whom it shows (exactly what the lead list shows the caller).
 */
@PonteTest
@Tag("persistence")
class LeadSearchTest {

    @Autowired
    LeadService leads;

    @Autowired
    TestUsers testUsers;

    @AfterEach
    void signOut() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    /** A word no other test's lead holds, so the shared database's other leads never match. */
    private static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
    }

    private LeadId lead(String name, String company, String email, String phone, app.ponte.security.UserId owner) {
        return leads.create(new NewLead(name, company, email, phone, "WEBSITE", Intent.TRANSACTIONAL, null, owner));
    }

    private static List<String> names(List<LeadSummary> found) {
        return found.stream().map(LeadSummary::name).toList();
    }

    @Test
    void finds_a_lead_by_name_company_email_or_phone_digits_whatever_the_case() {
        UserSummary marketer = testUsers.create("search-mkt", Role.MARKETING);
        LeadServiceTest.signIn(marketer);
        String word = unique("Zefiro");
        LeadId byName = lead("Anna " + word, "Verdi Srl", null, null, null);
        LeadId byCompany = lead("Bruno Neri", word + " Spa", null, null, null);
        LeadId byEmail = lead("Carla Blu", null, "carla@" + word.toLowerCase() + ".example", null, null);

        assertThat(leads.search(word.toUpperCase(), false, 8)).extracting(LeadSummary::id)
                .containsExactlyInAnyOrder(byName, byCompany, byEmail);
        // a fragment in the middle of the word, in mixed case
        String middle = word.substring(2, 7);
        assertThat(leads.search(middle.toUpperCase(), false, 8)).extracting(LeadSummary::id)
                .contains(byName, byCompany, byEmail);

        String digits = Long.toString(900_000_000L + System.nanoTime() % 99_999_999L);
        String phone = "+39 (" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
        LeadId byPhone = lead("Dario Viola", null, null, phone, null);
        // typed with other separators than stored, or none: the digits are compared
        assertThat(leads.search(digits.substring(1, 4) + " " + digits.substring(4, 8), false, 8))
                .extracting(LeadSummary::id).contains(byPhone);
        assertThat(leads.search(digits, false, 8)).extracting(LeadSummary::id).containsExactly(byPhone);
        // a term with letters names a lead: its digits are not a phone number ("lx-990" found a phone with 990)
        String code = "zq-" + digits.substring(2, 6) + "-zq";
        assertThat(leads.search(code, false, 8)).extracting(LeadSummary::id).doesNotContain(byPhone);
        assertThat(leads.find(new LeadFilter(code, null, null, null, null, false, null, null), LeadSort.NAME, true, 0,
                50)).extracting(LeadSummary::id).doesNotContain(byPhone);
    }

    @Test
    void accented_letters_match_in_any_case() {
        LeadServiceTest.signIn(testUsers.create("search-acc", Role.MARKETING));
        String word = unique("Città");
        LeadId lead = lead("Niccolò Fabbri", word + " Srl", null, null, null);

        assertThat(leads.search(word.toUpperCase(java.util.Locale.ITALIAN), false, 8)).extracting(LeadSummary::id)
                .containsExactly(lead);
    }

    @Test
    void a_start_of_word_match_comes_before_a_match_inside_and_the_limit_holds() {
        LeadServiceTest.signIn(testUsers.create("search-rank", Role.MARKETING));
        String word = unique("Orso");
        lead("Marta X" + word.toLowerCase(), null, null, null, null);   // inside a word
        lead("Zoe " + word, null, null, null, null);                    // a word starts with it
        lead("Alda " + word + "ni", null, null, null, null);            // a word starts with it

        assertThat(names(leads.search(word, false, 8)))
                .containsExactly("Alda " + word + "ni", "Zoe " + word, "Marta X" + word.toLowerCase());
        assertThat(leads.search(word, false, 2)).hasSize(2);
        // % and _ are letters to the search, not wildcards
        assertThat(leads.search("%", false, 8)).noneMatch(s -> !s.name().contains("%"));
    }

    @Test
    void a_salesperson_finds_what_the_lead_list_shows_them_and_only_mine_narrows_to_their_own() {
        UserSummary manager = testUsers.create("search-mgr", Role.MANAGER);
        UserSummary rossi = testUsers.create("search-sales", Role.SALES);
        UserSummary other = testUsers.create("search-other", Role.SALES);
        LeadServiceTest.signIn(manager);
        String word = unique("Quercia");
        LeadId mine = lead("Elena " + word, null, null, null, rossi.id());
        LeadId theirs = lead("Franco " + word, null, null, null, other.id());

        LeadServiceTest.signIn(rossi);
        LeadFilter text = new LeadFilter(word, null, null, null, null, false, null, null);
        List<LeadId> listed = leads.find(text, LeadSort.NAME, true, 0, 50).stream().map(LeadSummary::id).toList();
        assertThat(leads.search(word, false, 8)).extracting(LeadSummary::id)
                .containsExactlyInAnyOrderElementsOf(listed);
        assertThat(leads.search(word, true, 8)).extracting(LeadSummary::id).containsExactly(mine);

        LeadServiceTest.signIn(manager);
        assertThat(leads.search(word, false, 8)).extracting(LeadSummary::id).containsExactlyInAnyOrder(mine, theirs);
    }

    @Test
    void the_list_text_filter_finds_a_phone_as_the_search_does() {
        LeadServiceTest.signIn(testUsers.create("search-list", Role.MARKETING));
        String digits = Long.toString(700_000_000L + System.nanoTime() % 99_999_999L);
        LeadId lead = lead("Gino Rosa", null, null, "+39 " + digits.substring(0, 3) + " " + digits.substring(3), null);
        LeadFilter byDigits = new LeadFilter(digits.substring(2, 8), null, null, null, null, false, null, null);

        assertThat(leads.find(byDigits, LeadSort.NAME, true, 0, 50)).extracting(LeadSummary::id).contains(lead);
    }

    @Test
    void only_users_who_may_list_leads_may_search_them() {
        // a signed-in principal without any of the four roles (as an API caller without scope would be)
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        "nobody", null, List.of()));

        assertThatThrownBy(() -> leads.search("anything", false, 8)).isInstanceOf(AccessDeniedException.class);
    }
}
