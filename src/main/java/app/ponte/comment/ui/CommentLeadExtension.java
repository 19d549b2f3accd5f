package app.ponte.comment.ui;

import app.ponte.base.PonteProperties;
import app.ponte.comment.CommentService;
import app.ponte.lead.LeadExtension;
import app.ponte.lead.LeadId;
import app.ponte.live.LiveUpdates;
import java.util.List;

/** Adds the comments section to the lead page. */
@org.springframework.stereotype.Component
class CommentLeadExtension implements LeadExtension {

    private final CommentService comments;
    private final LiveUpdates live;
    private final PonteProperties properties;

    CommentLeadExtension(CommentService comments, LiveUpdates live, PonteProperties properties) {
        this.comments = comments;
        this.live = live;
        this.properties = properties;
    }

    @Override
    public List<com.vaadin.flow.component.Component> sections(LeadId lead) {
        return List.of(new CommentsSection(comments, live, properties, lead));
    }
}
