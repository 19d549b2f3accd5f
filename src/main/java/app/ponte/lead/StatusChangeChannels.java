package app.ponte.lead;

import app.ponte.lead.repository.LeadHistoryWriter;
import app.ponte.security.AppRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead feature's copy of a lead's channel on its status changes, {@code lead_status_change.lead_channel_code}
 * (decision 046): {@link LeadService} writes it with every change and rewrites a lead's changes when its channel is
 * edited. Writers that bypass the services (a plain SQL insert of changes or edit of a lead's channel: tests, the
 * benchmark generator) leave it null or stale; {@link #align()} puts it right, and the statistics' rebuild runs it
 * first. Administrators only.
 */
@Service
@PreAuthorize(AppRoles.HAS_ADMIN)
public class StatusChangeChannels {

    private final LeadHistoryWriter writer;

    StatusChangeChannels(LeadHistoryWriter writer) {
        this.writer = writer;
    }

    /** Gives every status change with another channel than its lead's, or none, its lead's; returns how many. */
    @Transactional
    public long align() {
        return writer.alignStatusChangeChannels();
    }
}
