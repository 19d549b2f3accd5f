package app.ponte.stats.ui;

import app.ponte.stats.Period;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The period (a preset, or two dates) and, on pages that filter by it, the channel. Picking a preset
 * fills the dates; changing a date makes the period custom. Listeners get the whole new filter; the
 * page puts it in its URL.
 */
public class PeriodBar extends Composite<Div> {

    private final LocalDate today;
    private final Select<PeriodPreset> preset = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ComboBox<String> channel;
    private final List<Consumer<StatsFilter>> listeners = new ArrayList<>();
    private StatsFilter filter;
    /** Set while the fields are filled by code, so that filling them fires nothing. */
    private boolean filling;

    /**
     * @param channelNames channel code → name in the user's language, in display order; null for a page
     *     without a channel filter
     */
    public PeriodBar(LocalDate today, Map<String, String> channelNames) {
        this.today = today;
        getContent().addClassName("ponte-period-bar");
        getContent().setId("period-bar");

        preset.setId("period-preset");
        preset.setLabel(getTranslation("stats.period"));
        preset.setItems(PeriodPreset.values());
        preset.setItemLabelGenerator(p -> getTranslation("stats.preset." + p.name()));
        preset.addValueChangeListener(e -> {
            if (!filling && e.isFromClient() && e.getValue() != null && e.getValue() != PeriodPreset.CUSTOM) {
                changed(filter.withPeriod(e.getValue().period(today)));
            }
        });

        from.setId("period-from");
        from.setLabel(getTranslation("stats.from"));
        to.setId("period-to");
        to.setLabel(getTranslation("stats.to"));
        from.addValueChangeListener(e -> datesChanged());
        to.addValueChangeListener(e -> datesChanged());
        getContent().add(preset, from, to);

        if (channelNames != null) {
            // a combo box, not a select: a select keeps two server-side elements per channel for as long
            // as the page is open (docs/benchmarks.md, the open dashboard's heap); this one sends the
            // channels when opened, and typing finds one among many
            channel = new ComboBox<>();
            channel.setId("period-channel");
            channel.setLabel(getTranslation("stats.channel"));
            channel.setPlaceholder(getTranslation("stats.all-channels"));
            channel.setClearButtonVisible(true);
            channel.setItems(channelNames.keySet());
            channel.setItemLabelGenerator(code -> channelNames.getOrDefault(code, code));
            channel.addValueChangeListener(e -> {
                if (!filling) {
                    changed(filter.withChannel(e.getValue()));
                }
            });
            getContent().add(channel);
        } else {
            channel = null;
        }
    }

    /** Shows a filter without telling the listeners (the page read it from its URL). */
    public void setFilter(StatsFilter newFilter) {
        filter = newFilter;
        filling = true;
        try {
            preset.setValue(PeriodPreset.of(newFilter.period(), today));
            from.setValue(newFilter.period().from());
            to.setValue(newFilter.period().to());
            from.setMax(newFilter.period().to());
            to.setMin(newFilter.period().from());
            if (channel != null) {
                channel.setValue(newFilter.channel());
            }
        } finally {
            filling = false;
        }
    }

    public StatsFilter filter() {
        return filter;
    }

    public void addFilterChangeListener(Consumer<StatsFilter> listener) {
        listeners.add(listener);
    }

    private void datesChanged() {
        if (filling || from.getValue() == null || to.getValue() == null || from.getValue().isAfter(to.getValue())) {
            return;
        }
        changed(filter.withPeriod(new Period(from.getValue(), to.getValue())));
    }

    private void changed(StatsFilter newFilter) {
        if (newFilter.equals(filter)) {
            return;
        }
        setFilter(newFilter);
        listeners.forEach(l -> l.accept(newFilter));
    }
}
