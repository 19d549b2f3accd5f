package app.ponte.health.ui;

import app.ponte.health.ActionItem;
import app.ponte.health.OneOnOneService;
import app.ponte.interaction.AgendaExtension;
import app.ponte.interaction.ExtraAgendaItem;
import com.vaadin.flow.component.UI;
import java.util.List;
import org.springframework.stereotype.Component;

/** The signed-in user's open one-on-one action items, in their agenda. */
@Component
class ActionItemsInAgenda implements AgendaExtension {

    private final OneOnOneService oneOnOnes;

    ActionItemsInAgenda(OneOnOneService oneOnOnes) {
        this.oneOnOnes = oneOnOnes;
    }

    @Override
    public List<ExtraAgendaItem> myItems() {
        UI ui = UI.getCurrent();
        return oneOnOnes.myOpenActionItems().stream().map(a -> item(ui, a)).toList();
    }

    private static ExtraAgendaItem item(UI ui, ActionItem a) {
        String context = ui == null ? "1:1" : ui.getTranslation("oneonone.agenda.context");
        return new ExtraAgendaItem("oneonone-action-" + a.id(), a.text(), context,
                OneOnOneView.ROUTE + "/" + a.oneOnOne().value(), a.due());
    }
}
