/**
 * Comments on a lead, with {@code @username} mentions that notify the person mentioned. Plain text
 * only: comments are shown as text, so no HTML written by a user ever reaches a page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Comments")
package app.ponte.comment;
