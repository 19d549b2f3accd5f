package app.ponte.purchase.ui;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.lead.LeadId;
import app.ponte.purchase.PurchaseService;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import app.ponte.stats.StatsFixture;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A salesperson records a customer's purchase on the lead page; an open lead shows no purchase form. */
class LeadPurchasesTest extends KaribuTest {

    @Autowired
    StatsFixture data;

    @Autowired
    PurchaseService purchases;

    @Test
    void a_salesperson_records_a_purchase_of_a_won_lead_and_sees_the_total() {
        UserSummary seller = testUsers.create("lp-sales", Role.SALES);
        String ch = data.channel(StatsFixture.prefix() + "_L", "ONLINE");
        LeadId won = data.lead(ch, StatsFixture.rome("2001-01-01T10:00:00"), seller.id());
        data.win(won, StatsFixture.rome("2001-02-01T10:00:00"), seller.id());
        LeadId open = data.lead(ch, StatsFixture.rome("2001-01-01T10:00:00"), seller.id());
        login(seller.username(), Role.SALES);

        UI.getCurrent().navigate("leads/" + open.value());
        assertThat(_find(Div.class, spec -> spec.withId("lead-purchases"))).isEmpty();

        UI.getCurrent().navigate("leads/" + won.value());
        _setValue(_get(DatePicker.class, spec -> spec.withId("purchase-date")), LocalDate.of(2001, 3, 1));
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("purchase-amount")), new BigDecimal("250"));
        _click(_get(Button.class, spec -> spec.withId("purchase-record")));
        assertThat(purchases.forLead(won)).singleElement()
                .satisfies(p -> assertThat(p.amount()).isEqualTo(new BigDecimal("250.00")));
        assertThat(_get(H4.class, spec -> spec.withId("lead-purchases-title")).getText())
                .isEqualTo("One purchase, total €250.00");
    }
}
