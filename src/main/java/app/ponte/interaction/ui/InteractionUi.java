package app.ponte.interaction.ui;

import app.ponte.base.PonteProperties;
import app.ponte.interaction.InteractionService;
import app.ponte.lead.LeadService;
import app.ponte.security.CurrentUser;
import app.ponte.security.UserService;
import java.time.Clock;

/** What the interaction views need, handed around together. */
record InteractionUi(InteractionService interactions, LeadService leads, UserService users, CurrentUser currentUser,
        Clock clock, PonteProperties properties) {
}
