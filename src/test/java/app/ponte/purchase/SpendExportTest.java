package app.ponte.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.lead.ChannelKind;
import app.ponte.lead.ChannelService;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spend export: the columns of the spend import, one row per channel and month stored. */
@PonteTest
@Tag("persistence")
class SpendExportTest {

    @Autowired
    PurchaseService purchases;

    @Autowired
    ChannelService channels;

    @Autowired
    TestUsers testUsers;

    private String export(UserSummary user, YearMonth from, YearMonth to) {
        var out = new ByteArrayOutputStream();
        SystemCaller.callAs(user.username(), user.roles(), () -> {
            purchases.exportSpend(from, to, out);
            return null;
        });
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_spend_of_a_year_exports_as_channel_month_amount() {
        String code = ("SX_" + TestUsers.uniqueName("x").replace("-", "_")).toUpperCase(Locale.ROOT);
        SystemCaller.call(() -> channels.add(code, "Spend export " + code, null, ChannelKind.ONLINE));
        UserSummary manager = testUsers.create("sx-mgr", Role.MANAGER);
        SystemCaller.callAs(manager.username(), manager.roles(), () -> {
            purchases.setSpend(code, YearMonth.of(2031, 3), new BigDecimal("1200.5"));
            purchases.setSpend(code, YearMonth.of(2031, 1), new BigDecimal("99"));
            purchases.setSpend(code, YearMonth.of(2032, 1), new BigDecimal("7"));
            return null;
        });

        String csv = export(manager, YearMonth.of(2031, 1), YearMonth.of(2031, 12));
        assertThat(csv).startsWith("channel,month,amount\r\n");
        assertThat(csv.lines().filter(l -> l.startsWith(code + ","))).containsExactly(
                code + ",2031-01,99.00", code + ",2031-03,1200.50");
    }

    @Test
    void a_marketer_may_not_export_spend() {
        UserSummary marketer = testUsers.create("sx-mkt", Role.MARKETING);
        assertThatThrownBy(() -> export(marketer, YearMonth.of(2031, 1), YearMonth.of(2031, 12)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
