package app.ponte.purchase.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.PonteProperties;
import app.ponte.base.ui.FormErrors;
import app.ponte.base.ui.CsvDownload;
import app.ponte.base.ui.MainLayout;
import app.ponte.lead.Channel;
import app.ponte.lead.ChannelService;
import app.ponte.purchase.MonthlySpend;
import app.ponte.purchase.PurchaseService;
import app.ponte.security.AppRoles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * MANAGER and ADMIN: the monthly marketing spend per channel — a year's grid (a row per month, a
 * column per channel, each month's total at the right and each channel's total in the footer) and
 * a form that sets one channel-month. Months go down rather than across so that all twelve show
 * on a wide screen without scrolling sideways, and a phone scrolls the channels beside the frozen
 * month column.
 */
@Route(value = "spend", layout = MainLayout.class)
@Menu(order = 40, title = "nav.spend", icon = "vaadin:money")
@RolesAllowed({AppRoles.MANAGER, AppRoles.ADMIN})
class SpendView extends VerticalLayout implements HasDynamicTitle {

    /** One grid row: a month and its amounts by channel code. */
    record Row(Month month, Map<String, BigDecimal> channels, BigDecimal total) {
    }

    private final PurchaseService purchases;
    private final ChannelService channels;
    private final PonteProperties properties;
    final ComboBox<Integer> year = new ComboBox<>();
    final Grid<Row> grid = new Grid<>();
    final ComboBox<Channel> channel = new ComboBox<>();
    final ComboBox<Month> month = new ComboBox<>();
    final BigDecimalField amount = new BigDecimalField();
    private final FormErrors errors = new FormErrors(this);
    /** The year shown, for the export's download request, which runs outside the UI's lock. */
    private volatile Integer shownYear;

    SpendView(PurchaseService purchases, ChannelService channels, PonteProperties properties, Clock clock) {
        this.purchases = purchases;
        this.channels = channels;
        this.properties = properties;
        setId("spend-view");
        setWidthFull();
        int thisYear = LocalDate.now(clock.withZone(properties.zone())).getYear();
        year.setId("spend-year");
        year.setLabel(getTranslation("spend.year"));
        year.setItems(IntStream.rangeClosed(thisYear - 5, thisYear + 1).boxed().toList());
        year.setValue(thisYear);
        year.addValueChangeListener(e -> refresh());

        channel.setId("spend-channel");
        channel.setLabel(getTranslation("spend.channel"));
        channel.setItems(channels.list(false).stream().sorted(Channel.byName(getLocale())).toList());
        channel.setItemLabelGenerator(c -> c.name(getLocale()));
        month.setId("spend-month");
        month.setLabel(getTranslation("spend.month"));
        month.setItems(Month.values());
        month.setItemLabelGenerator(m -> m.getDisplayName(TextStyle.FULL, getLocale()));
        amount.setId("spend-amount");
        amount.setLabel(getTranslation("spend.amount"));
        var save = new Button(getTranslation("spend.save"), e -> save());
        save.setId("spend-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        errors.field("channel", channel).field("month", month).field("amount", amount);
        var export = new CsvDownload("spend-export", getTranslation("spend.export"), "spend", clock,
                properties.zone(), out -> {
                    Integer y = shownYear;
                    if (y != null) {
                        purchases.exportSpend(YearMonth.of(y, 1), YearMonth.of(y, 12), out);
                    }
                });
        var form = new HorizontalLayout(year, channel, month, amount, save, export);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.setId("spend-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        // twelve rows and the totals: the grid is as tall as they are, the footer right under December
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> month.setValue(e.getItem().month()));
        var currency = new Span(getTranslation("spend.in-currency", properties.currency().getCurrencyCode()));
        currency.setId("spend-currency");
        currency.addClassName("ponte-spend-currency");
        add(new H2(getTranslation("spend.title")), form, currency, grid);
        refresh();
    }

    void save() {
        errors.clear();
        if (year.getValue() == null || month.getValue() == null) {
            errors.show(new BusinessRuleException("month", "purchase.error.month-required"));
            return;
        }
        try {
            MonthlySpend saved = purchases.setSpend(channel.getValue() == null ? null : channel.getValue().code(),
                    YearMonth.of(year.getValue(), month.getValue()), amount.getValue());
            FormErrors.success(getTranslation("spend.saved", channel.getValue().name(getLocale()),
                    month.getValue().getDisplayName(TextStyle.FULL, getLocale()) + " " + year.getValue(),
                    format(saved.amount())));
            amount.clear();
            refresh();
        } catch (BusinessRuleException e) {
            errors.show(e);
        }
    }

    void refresh() {
        if (year.getValue() == null) {
            return;
        }
        int y = year.getValue();
        shownYear = y;
        Map<String, Map<Integer, BigDecimal>> byChannel = new HashMap<>();
        for (MonthlySpend s : purchases.spend(YearMonth.of(y, 1), YearMonth.of(y, 12))) {
            byChannel.computeIfAbsent(s.channelCode(), c -> new HashMap<>()).put(s.month().getMonthValue(), s.amount());
        }
        List<Channel> shown = channels.list(true).stream()
                .filter(c -> c.active() || byChannel.containsKey(c.code()))
                .sorted(Channel.byName(getLocale()))
                .toList();
        List<Row> rows = new ArrayList<>();
        for (Month m : Month.values()) {
            Map<String, BigDecimal> amounts = new HashMap<>();
            byChannel.forEach((code, months) -> {
                if (months.containsKey(m.getValue())) {
                    amounts.put(code, months.get(m.getValue()));
                }
            });
            rows.add(new Row(m, amounts, amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        }
        showColumns(shown, byChannel);
        grid.setItems(rows);
    }

    /** A column per channel shown this year (they differ between years), its year total in the footer. */
    private void showColumns(List<Channel> shown, Map<String, Map<Integer, BigDecimal>> byChannel) {
        grid.removeAllColumns();
        grid.addColumn(r -> monthName(r.month())).setHeader(getTranslation("spend.month")).setKey("month")
                .setAutoWidth(true).setFlexGrow(0).setFrozen(true).setFooter(getTranslation("spend.year-total", String.valueOf(year.getValue())));
        BigDecimal yearTotal = BigDecimal.ZERO;
        for (Channel c : shown) {
            BigDecimal total = byChannel.getOrDefault(c.code(), Map.of()).values().stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            yearTotal = yearTotal.add(total);
            grid.addColumn(r -> format(r.channels().get(c.code()))).setHeader(c.name(getLocale())).setKey("channel-" + c.code())
                    .setAutoWidth(true).setFlexGrow(1).setTextAlign(ColumnTextAlign.END)
                    .setTooltipGenerator(r -> c.name(getLocale()) + " · " + monthName(r.month()))
                    .setFooter(format(total));
        }
        grid.addColumn(r -> format(r.total())).setHeader(getTranslation("spend.month-total")).setKey("total")
                .setAutoWidth(true).setFlexGrow(1).setTextAlign(ColumnTextAlign.END).setFrozenToEnd(true)
                .setFooter(format(yearTotal));
    }

    private String monthName(Month m) {
        String name = m.getDisplayName(TextStyle.FULL_STANDALONE, getLocale());
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(getLocale()) + name.substring(1);
    }

    /** Compact: no currency sign (the title says it) and no cents unless there are some. */
    private String format(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat number = NumberFormat.getNumberInstance(getLocale());
        boolean whole = value.stripTrailingZeros().scale() <= 0;
        number.setMinimumFractionDigits(whole ? 0 : 2);
        number.setMaximumFractionDigits(whole ? 0 : 2);
        return number.format(value);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("spend.title");
    }
}
