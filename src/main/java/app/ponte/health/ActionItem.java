package app.ponte.health;

import java.time.LocalDate;

/** Something agreed in a one-on-one: who does it, by when, done or not. */
public record ActionItem(long id, OneOnOneId oneOnOne, Participant owner, String text, LocalDate due, boolean done) {
}
