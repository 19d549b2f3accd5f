package app.ponte.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.base.BusinessRuleException;
import app.ponte.lead.LeadId;
import app.ponte.security.Role;
import app.ponte.security.UserId;
import app.ponte.stats.StatsFixture;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Purchases only for customers (WON), by SALES and MANAGER; spend by MANAGER and ADMIN, one row per month. */
@PonteTest
@Tag("persistence")
class PurchaseServiceTest {

    @Autowired
    PurchaseService purchases;

    @Autowired
    StatsFixture data;

    @Autowired
    TestUsers testUsers;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String username, Role... roles) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username,
                null, java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

    @Test
    void a_purchase_is_recorded_for_a_won_lead_only_by_sales_or_managers() {
        UserId m = testUsers.create("pu-m", Role.MARKETING, Role.SALES).id();
        String ch = data.channel(StatsFixture.prefix() + "_P", "ONLINE");
        LeadId open = data.lead(ch, StatsFixture.rome("2002-01-01T10:00:00"), m);
        LeadId won = data.lead(ch, StatsFixture.rome("2002-01-01T10:00:00"), m);
        data.win(won, StatsFixture.rome("2002-02-01T10:00:00"), m);

        signIn("pu-sales", Role.SALES);
        assertThatThrownBy(() -> purchases.record(new NewPurchase(open, LocalDate.of(2002, 3, 1), BigDecimal.TEN, null)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("purchase.error.not-customer");
        assertThatThrownBy(() -> purchases.record(new NewPurchase(won, LocalDate.of(2002, 3, 1), new BigDecimal("1.234"),
                null))).isInstanceOf(BusinessRuleException.class).hasMessageContaining("lead.error.value-cents");
        PurchaseId id = purchases.record(new NewPurchase(won, LocalDate.of(2002, 3, 1), new BigDecimal("99.9"), " A-1 "));
        List<Purchase> list = purchases.forLead(won);
        assertThat(list).hasSize(1);
        assertThat(list.getFirst().amount()).isEqualTo(new BigDecimal("99.90"));
        assertThat(list.getFirst().orderRef()).isEqualTo("A-1");
        assertThat(list.getFirst().createdBy()).isEqualTo("pu-sales");

        signIn("pu-mkt", Role.MARKETING);
        assertThatThrownBy(() -> purchases.record(new NewPurchase(won, LocalDate.of(2002, 3, 2), BigDecimal.ONE, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> purchases.delete(id, 0)).isInstanceOf(AccessDeniedException.class);
        signIn("pu-mgr", Role.MANAGER);
        purchases.delete(id, 0);
        assertThat(purchases.forLead(won)).isEmpty();
    }

    @Test
    void spend_is_one_row_per_channel_and_month_set_by_managers_and_admins() {
        String ch = data.channel(StatsFixture.prefix() + "_S", "OFFLINE");
        signIn("pu-sales", Role.SALES);
        assertThatThrownBy(() -> purchases.setSpend(ch, YearMonth.of(2002, 1), BigDecimal.ONE))
                .isInstanceOf(AccessDeniedException.class);
        signIn("pu-mgr", Role.MANAGER);
        purchases.setSpend(ch, YearMonth.of(2002, 1), new BigDecimal("10"));
        purchases.setSpend(ch, YearMonth.of(2002, 1), new BigDecimal("12.5"));
        assertThatThrownBy(() -> purchases.setSpend("NO_SUCH", YearMonth.of(2002, 1), BigDecimal.ONE))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("unknown-channel");
        signIn("pu-admin", Role.ADMIN);
        assertThat(purchases.spend(YearMonth.of(2002, 1), YearMonth.of(2002, 12)))
                .filteredOn(s -> s.channelCode().equals(ch))
                .containsExactly(new MonthlySpend(ch, YearMonth.of(2002, 1), new BigDecimal("12.50"), 1));
    }
}
