package app.ponte.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.base.BusinessRuleException;
import app.ponte.security.Role;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;

/** A channel has a name per language (decision 023); the code stays its key. */
@PonteTest
@Tag("persistence")
class ChannelServiceTest {

    @Autowired
    ChannelService channels;

    @Autowired
    TestUsers testUsers;

    @Autowired
    MessageSource messages;

    @BeforeEach
    void signInAsAdmin() {
        LeadServiceTest.signIn(testUsers.create("chs-admin", Role.ADMIN));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static String uniqueCode() {
        return ("CH_" + TestUsers.uniqueName("n").replaceAll("[^A-Za-z0-9]", "")).toUpperCase(Locale.ROOT);
    }

    private Channel get(String code) {
        return channels.list(true).stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    private String english(BusinessRuleException e) {
        return messages.getMessage(e.messageKey(), e.arguments(), Locale.ENGLISH);
    }

    private String italian(BusinessRuleException e) {
        return messages.getMessage(e.messageKey(), e.arguments(), Locale.ITALIAN);
    }

    @Test
    void the_seeded_channels_have_an_english_and_an_italian_name() {
        Channel fairs = get("TRADE_FAIR");
        assertThat(fairs.name(Locale.ENGLISH)).isEqualTo("Trade fairs");
        assertThat(fairs.name(Locale.ITALIAN)).isEqualTo("Fiere");
        assertThat(fairs.name(Locale.forLanguageTag("it-IT"))).isEqualTo("Fiere");
        assertThat(get("WORD_OF_MOUTH").name(Locale.ITALIAN)).isEqualTo("Passaparola");
        assertThat(channels.list(true)).filteredOn(c -> c.code().matches("WEBSITE|BLOG|SOCIAL|INFLUENCER|SEO"
                + "|ADVERTISING|WORD_OF_MOUTH|SALES_NETWORK|TRADE_FAIR|EVENT|RADIO|TV|DIRECT_MARKETING|OWN_STORE"
                + "|DOOR_TO_DOOR")).hasSize(15).allSatisfy(c -> assertThat(c.italianName()).isNotBlank());
    }

    @Test
    void a_channel_is_added_and_renamed_with_a_name_per_language() {
        String code = uniqueCode();
        Channel added = channels.add(code, " Podcasts " + code, " Podcast italiani " + code, ChannelKind.ONLINE);
        assertThat(added.name(Locale.ENGLISH)).isEqualTo("Podcasts " + code);
        assertThat(added.name(Locale.ITALIAN)).isEqualTo("Podcast italiani " + code);

        Channel renamed = channels.rename(code, "Audio " + code, "Audio in italiano " + code, added.version());
        assertThat(get(code).name(Locale.ENGLISH)).isEqualTo("Audio " + code);
        assertThat(get(code).name(Locale.ITALIAN)).isEqualTo("Audio in italiano " + code);
        assertThat(renamed.code()).isEqualTo(code);
    }

    @Test
    void an_empty_italian_name_is_the_english_one_and_follows_its_renames() {
        String code = uniqueCode();
        Channel added = channels.add(code, "Webinars " + code, "  ", ChannelKind.ONLINE);
        assertThat(added.italianName()).isNull();
        assertThat(added.name(Locale.ITALIAN)).isEqualTo("Webinars " + code);
        channels.rename(code, "Live webinars " + code, null, added.version());
        assertThat(get(code).name(Locale.ITALIAN)).isEqualTo("Live webinars " + code);
        assertThat(get(code).italianNameShown()).isEqualTo("Live webinars " + code);
    }

    @Test
    void a_name_another_channel_uses_in_either_language_or_as_code_is_refused() {
        String code = uniqueCode();
        assertThatThrownBy(() -> channels.add(code, "Billboards " + code, "fiere", ChannelKind.OFFLINE))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.field()).contains("nameIt");
                    // the other channel is named in the reader's language, never by its code
                    assertThat(english(e)).isEqualTo("The name fiere is already used by the channel Trade fairs.");
                    assertThat(italian(e)).isEqualTo("Il nome fiere è già usato dal canale Fiere.");
                });
        assertThatThrownBy(() -> channels.add(code, "Word of mouth", null, ChannelKind.OFFLINE))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.field()).contains("name"));
        assertThatThrownBy(() -> channels.add(code, "tv", null, ChannelKind.OFFLINE))
                .isInstanceOf(BusinessRuleException.class);
        Channel added = channels.add(code, "Billboards " + code, "Cartelloni " + code, ChannelKind.OFFLINE);
        assertThatThrownBy(() -> channels.rename(code, "Billboards " + code, "Passaparola", added.version()))
                .isInstanceOf(BusinessRuleException.class);
        // a channel may keep its own names, and its Italian name may equal its English one
        assertThat(channels.rename(code, "Billboards " + code, "billboards " + code, added.version()).italianName())
                .isEqualTo("billboards " + code);
    }

    @Test
    void the_directory_finds_a_channel_by_code_or_either_name_in_any_case() {
        ChannelDirectory directory = channels.directory();
        assertThat(directory.find("trade_fair")).map(Channel::code).contains("TRADE_FAIR");
        assertThat(directory.find("  Trade Fairs ")).map(Channel::code).contains("TRADE_FAIR");
        assertThat(directory.find("FIERE")).map(Channel::code).contains("TRADE_FAIR");
        assertThat(directory.find("Fax")).isEmpty();
        assertThat(directory.find(" ")).isEmpty();
        assertThat(directory.codes()).contains("TRADE_FAIR", "WEBSITE").isSorted();
    }
}
