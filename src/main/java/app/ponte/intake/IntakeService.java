package app.ponte.intake;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.BusinessRuleViolations;
import app.ponte.lead.LeadService;
import app.ponte.lead.WebLead;
import app.ponte.lead.WebLeadOutcome;
import app.ponte.security.AppRoles;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Web-to-lead intake (docs/decisions/013): a form becomes a NEW lead through
 * {@link LeadService#intake}, owned by the configured marketer, or the lead already known by its
 * e-mail; every submission is logged with its note. No notification per form: a busy website
 * would bury the owner's bell, and the lists and the board already show new leads live.
 */
@Service
public class IntakeService {

    static final int NOTE_MAX = 2000;
    static final int CALLER_MAX = 90;
    /**
     * The owner's account is looked up again after this long: a JPA look-up was a sixth of a
     * form's CPU time (docs/benchmarks.md), and a deactivated owner stops receiving leads within it.
     */
    static final Duration OWNER_RECHECK = Duration.ofSeconds(30);

    private record CheckedOwner(String username, UserSummary account, Instant checkedAt) {
    }

    private final AtomicReference<CheckedOwner> checkedOwner = new AtomicReference<>();

    private final LeadService leads;
    private final UserService users;
    private final CurrentUser currentUser;
    private final IntakeProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    IntakeService(LeadService leads, UserService users, CurrentUser currentUser, IntakeProperties properties,
            JdbcClient jdbc, Clock clock) {
        this.leads = leads;
        this.users = users;
        this.currentUser = currentUser;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes a web form in; 400 with every invalid field's message when it is not acceptable. */
    @Transactional
    @PreAuthorize(AppRoles.HAS_MARKETING)
    public IntakeReceipt receive(WebForm form) {
        UserSummary owner = owner();
        List<BusinessRuleException> noteErrors = new ArrayList<>();
        String note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
        if (note != null && note.length() > NOTE_MAX) {
            noteErrors.add(new BusinessRuleException("note", "lead.error.too-long", NOTE_MAX));
        }
        String channel = form.channel() == null || form.channel().isBlank() ? properties.defaultChannel()
                : form.channel();
        WebLeadOutcome outcome;
        try {
            outcome = leads.intake(new WebLead(form.name(), form.company(), form.email(), form.phone(), channel,
                    form.intent()), owner.id(), properties.dedupeWindow());
        } catch (BusinessRuleViolations e) {
            throw together(e.violations(), noteErrors);
        } catch (BusinessRuleException e) {
            throw together(List.of(e), noteErrors);
        }
        BusinessRuleViolations.throwIfAny(noteErrors);
        String caller = currentUser.requireUsername();
        jdbc.sql("""
                insert into intake_submission (lead_id, received_at, caller, duplicate, note)
                values (:lead, :at, :caller, :duplicate, :note)""")
                .param("lead", outcome.id().value())
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("caller", caller.length() > CALLER_MAX ? caller.substring(0, CALLER_MAX) : caller)
                .param("duplicate", outcome.duplicate()).param("note", note)
                .update();
        return new IntakeReceipt(outcome.id().value(), outcome.duplicate());
    }

    private UserSummary owner() {
        String username = properties.owner();
        if (username == null || username.isBlank()) {
            throw new IntakeUnavailableException("web-to-lead intake is not set up (ponte.intake.owner)");
        }
        Instant now = clock.instant();
        CheckedOwner checked = checkedOwner.get();
        if (checked != null && checked.username().equals(username)
                && !now.isAfter(checked.checkedAt().plus(OWNER_RECHECK))) {
            return checked.account();
        }
        // a failed look-up is not remembered: creating the account fixes the intake at once
        UserSummary account = users.findByUsername(username).filter(u -> u.active() && u.has(Role.MARKETING))
                .orElseThrow(() -> new IntakeUnavailableException(
                        "ponte.intake.owner " + username + " is not an active marketer"));
        checkedOwner.set(new CheckedOwner(username, account, now));
        return account;
    }

    private static BusinessRuleException together(List<BusinessRuleException> lead, List<BusinessRuleException> note) {
        List<BusinessRuleException> all = new ArrayList<>(lead);
        all.addAll(note);
        return BusinessRuleViolations.of(all);
    }
}
