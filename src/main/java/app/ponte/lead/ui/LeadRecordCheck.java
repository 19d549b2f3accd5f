package app.ponte.lead.ui;

import app.ponte.base.ui.RecordCheck;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;

/** {@code /leads/{id}} of a lead that does not exist answers 404 (the page then shows the not-found view). */
@org.springframework.stereotype.Component
class LeadRecordCheck implements RecordCheck {

    private final LeadService leads;

    LeadRecordCheck(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public Class<? extends Component> view() {
        return LeadView.class;
    }

    @Override
    public boolean exists(RouteParameters parameters) {
        return parameters.getLong("leadId").map(id -> leads.get(new LeadId(id)).isPresent()).orElse(false);
    }
}
