package app.ponte.comment;

import java.time.Instant;

/** A comment as the lead page shows it; {@code mine} tells whether the reader may edit or delete it. */
public record CommentEntry(long id, long leadId, String authorUsername, String authorName, String body,
        Instant createdAt, Instant editedAt, long version, boolean mine) {
}
