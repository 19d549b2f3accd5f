package app.ponte.purchase.ui;

import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.lead.Channel;
import app.ponte.lead.ChannelService;
import app.ponte.purchase.MonthlySpend;
import app.ponte.purchase.PurchaseService;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.math.BigDecimal;
import java.time.Month;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A manager sets a channel's spend for a month in the spend grid; a bad amount is refused at the field. */
class SpendViewTest extends KaribuTest {

    @Autowired
    PurchaseService purchases;

    @Autowired
    ChannelService channels;

    @Test
    void a_manager_sets_a_month_and_the_grid_shows_it_and_the_year_total() {
        login(testUsers.create("spend-mgr", Role.MANAGER).username(), Role.MANAGER);
        UI.getCurrent().navigate("spend");
        SpendView view = _get(SpendView.class);
        _setValue(view.year, 2003);
        Channel radio = channels.list(false).stream().filter(c -> c.code().equals("RADIO")).findFirst().orElseThrow();
        _setValue(view.channel, radio);
        _setValue(view.month, Month.MARCH);
        _setValue(view.amount, new BigDecimal("-1"));
        _click(_get(Button.class, spec -> spec.withId("spend-save")));
        _expectInvalid(view.amount, "The value must be between 0 and 999,999,999,999.99.");

        _setValue(view.amount, new BigDecimal("1250.5"));
        _click(_get(Button.class, spec -> spec.withId("spend-save")));
        assertThat(SystemCaller.call(() -> purchases.spend(YearMonth.of(2003, 1), YearMonth.of(2003, 12))))
                .containsExactly(new MonthlySpend("RADIO", YearMonth.of(2003, 3), new BigDecimal("1250.50"), 0));
        // months go down, channels across: all twelve months are rows, March holds the amount and its total
        assertThat(GridKt._findAll(view.grid)).extracting(SpendView.Row::month).containsExactly(Month.values());
        SpendView.Row march = GridKt._get(view.grid, 2);
        assertThat(march.channels()).containsEntry("RADIO", new BigDecimal("1250.50"));
        assertThat(march.total()).isEqualByComparingTo("1250.50");
        assertThat(GridKt._getFormatted(view.grid, 2, "channel-RADIO")).isEqualTo("1,250.50");
        assertThat(GridKt._getFormatted(view.grid, 2, "month")).isEqualTo("March");
        assertThat(GridKt._getFormatted(view.grid, 3, "channel-RADIO")).isEmpty();
        // each channel's year total in the footer, the whole year's under the month totals
        assertThat(view.grid.getColumnByKey("channel-RADIO").getFooterText()).isEqualTo("1,250.50");
        assertThat(view.grid.getColumnByKey("total").getFooterText()).isEqualTo("1,250.50");
        assertThat(view.grid.getColumnByKey("month").getFooterText()).isEqualTo("Year 2003");
    }
}
