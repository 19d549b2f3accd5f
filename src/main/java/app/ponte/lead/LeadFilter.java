package app.ponte.lead;

import app.ponte.security.UserId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Narrows the lead list. {@code text} matches name, company and e-mail; {@code stage} matches the
 * span a lead is on (for a lost lead, the span it fell from); {@code onlyMine} keeps the caller's
 * leads; {@code createdFrom}/{@code createdTo} are local dates in the business time zone, inclusive.
 *
 * <p>The rest narrows to the records a statistics figure counts (metrics.md, decision 027):
 * {@code reached} — the lead's max status is at least it; {@code lostFrom} — now LOST, lost from it;
 * {@code entered} — a change into it between {@code enteredFrom} and {@code enteredTo} (local dates,
 * inclusive), made by {@code enteredBy} when set (for WON: the first change into WON);
 * {@code stalledDays} — open, no activity (creation, status change, held interaction) for more than
 * that many days × 24 h before {@code asOf} (now when null); {@code createdBy} — created by that user
 * (a marketer's leads created, with the created period); {@code below} — the lead's max status is
 * below it (with {@code reached}: the leads that went no further on the bridge);
 * {@code enteredFromStatus} — the change into {@code entered} left this status (a rep's lost from
 * OPPORTUNITY; decision 031).
 */
public record LeadFilter(String text, LeadStatus status, BridgeStage stage, String channelCode, UserId owner,
        boolean onlyMine, LocalDate createdFrom, LocalDate createdTo, LeadStatus reached, LeadStatus lostFrom,
        LeadStatus entered, LocalDate enteredFrom, LocalDate enteredTo, UserId enteredBy, Integer stalledDays,
        Instant asOf, UserId createdBy, LeadStatus below, LeadStatus enteredFromStatus) {

    /** The list's own filters, without any statistics narrowing. */
    public LeadFilter(String text, LeadStatus status, BridgeStage stage, String channelCode, UserId owner,
            boolean onlyMine, LocalDate createdFrom, LocalDate createdTo) {
        this(text, status, stage, channelCode, owner, onlyMine, createdFrom, createdTo, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    public static LeadFilter none() {
        return new LeadFilter(null, null, null, null, null, false, null, null);
    }

    public LeadFilter withStatus(LeadStatus newStatus) {
        return new LeadFilter(text, newStatus, stage, channelCode, owner, onlyMine, createdFrom, createdTo, reached,
                lostFrom, entered, enteredFrom, enteredTo, enteredBy, stalledDays, asOf, createdBy, below,
                enteredFromStatus);
    }

    public LeadFilter withStage(BridgeStage newStage) {
        return new LeadFilter(text, status, newStage, channelCode, owner, onlyMine, createdFrom, createdTo, reached,
                lostFrom, entered, enteredFrom, enteredTo, enteredBy, stalledDays, asOf, createdBy, below,
                enteredFromStatus);
    }

    public LeadFilter withReached(LeadStatus newReached) {
        return new LeadFilter(text, status, stage, channelCode, owner, onlyMine, createdFrom, createdTo, newReached,
                lostFrom, entered, enteredFrom, enteredTo, enteredBy, stalledDays, asOf, createdBy, below,
                enteredFromStatus);
    }

    public LeadFilter withLostFrom(LeadStatus newLostFrom) {
        return new LeadFilter(text, status, stage, channelCode, owner, onlyMine, createdFrom, createdTo, reached,
                newLostFrom, entered, enteredFrom, enteredTo, enteredBy, stalledDays, asOf, createdBy, below,
                enteredFromStatus);
    }

    /** A change into {@code newEntered} in the period, by {@code by} when non-null; null status clears it. */
    public LeadFilter withEntered(LeadStatus newEntered, LocalDate from, LocalDate to, UserId by) {
        return new LeadFilter(text, status, stage, channelCode, owner, onlyMine, createdFrom, createdTo, reached,
                lostFrom, newEntered, newEntered == null ? null : from, newEntered == null ? null : to,
                newEntered == null ? null : by, stalledDays, asOf, createdBy, below,
                newEntered == null ? null : enteredFromStatus);
    }

    /** The change into {@code entered} leaving {@code fromStatus} (null: any). */
    public LeadFilter withEnteredFrom(LeadStatus fromStatus) {
        return new LeadFilter(text, status, stage, channelCode, owner, onlyMine, createdFrom, createdTo, reached,
                lostFrom, entered, enteredFrom, enteredTo, enteredBy, stalledDays, asOf, createdBy, below,
                entered == null ? null : fromStatus);
    }

    /** Created by {@code by} (null clears it). */
    public LeadFilter withCreatedBy(UserId by) {
        return new LeadFilter(text, status, stage, channelCode, owner, onlyMine, createdFrom, createdTo, reached,
                lostFrom, entered, enteredFrom, enteredTo, enteredBy, stalledDays, asOf, by, below, enteredFromStatus);
    }

    /** The lead's max status below {@code newBelow} (null clears it). */
    public LeadFilter withBelow(LeadStatus newBelow) {
        return new LeadFilter(text, status, stage, channelCode, owner, onlyMine, createdFrom, createdTo, reached,
                lostFrom, entered, enteredFrom, enteredTo, enteredBy, stalledDays, asOf, createdBy, newBelow,
                enteredFromStatus);
    }

    /** Stalled for more than {@code days} at {@code at}; null days clears it. */
    public LeadFilter withStalled(Integer days, Instant at) {
        return new LeadFilter(text, status, stage, channelCode, owner, onlyMine, createdFrom, createdTo, reached,
                lostFrom, entered, enteredFrom, enteredTo, enteredBy, days, days == null ? null : at, createdBy, below,
                enteredFromStatus);
    }

    /** Whether anything narrows the list (the list then shows how many leads it holds). */
    public boolean narrows() {
        return (text != null && !text.isBlank()) || status != null || stage != null || channelCode != null
                || owner != null || onlyMine || createdFrom != null || createdTo != null || reached != null
                || lostFrom != null || entered != null || stalledDays != null || createdBy != null || below != null;
    }
}
