package app.ponte.demo;

import app.ponte.handoff.RejectReason;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo's free texts in English and Italian. A text is written in its author's language (see
 * the README's demo section): the generator picks the version of whoever writes it. Both versions
 * of a list have the same length, so the seeded random draws the same story in either language.
 */
final class DemoTexts {

    /** One list of texts in both languages, item by item the same meaning. */
    record Bilingual(List<String> english, List<String> italian) {

        Bilingual {
            if (english.size() != italian.size()) {
                throw new IllegalArgumentException("both languages need the same number of texts");
            }
        }

        String pick(Random random, boolean inItalian) {
            return (inItalian ? italian : english).get(random.nextInt(english.size()));
        }

        String get(int index, boolean inItalian) {
            return (inItalian ? italian : english).get(index);
        }
    }

    static final Bilingual SUMMARIES = new Bilingual(
            List.of("Introduced our services", "Discussed needs and timeline", "Asked for references",
                    "Walked through the price list", "Clarified technical requirements", "Agreed on a demo",
                    "Negotiated terms", "Followed up on the proposal", "Answered questions on delivery",
                    "Met the purchasing manager"),
            List.of("Presentati i nostri servizi", "Discusse esigenze e tempi", "Ha chiesto delle referenze",
                    "Illustrato il listino prezzi", "Chiariti i requisiti tecnici", "Concordata una demo",
                    "Negoziate le condizioni", "Ripresa la proposta inviata", "Risposto alle domande sulla consegna",
                    "Incontrato il responsabile acquisti"));

    static final Bilingual NEXT_STEPS = new Bilingual(
            List.of("Send the price list", "Call back", "Prepare the offer", "Schedule a demo", "Send a case study",
                    "Confirm the meeting", "Follow up on the proposal", "Introduce the technical team"),
            List.of("Inviare il listino prezzi", "Richiamare", "Preparare l'offerta", "Fissare una demo",
                    "Inviare un caso di studio", "Confermare l'incontro", "Sollecitare una risposta sulla proposta",
                    "Presentare il team tecnico"));

    static final Bilingual LOST_REASONS = new Bilingual(
            List.of("No budget this year", "Chose a competitor", "No answer after five attempts",
                    "Not the decision maker", "Timing: project postponed", "Price too high", "Requirements not a fit",
                    "Company acquired, project cancelled"),
            List.of("Nessun budget quest'anno", "Ha scelto un concorrente", "Nessuna risposta dopo cinque tentativi",
                    "Non è chi decide", "Tempi: progetto rinviato", "Prezzo troppo alto", "Requisiti non compatibili",
                    "Azienda acquisita, progetto annullato"));

    static final Bilingual HANDOFF_NOTES = new Bilingual(
            List.of("Downloaded the price list twice and asked for a call", "Wants a demo for the whole team",
                    "Asked for an offer before the end of the month", "Attended the webinar and booked a meeting",
                    "Replacing their current supplier this year"),
            List.of("Ha scaricato due volte il listino e chiede una chiamata", "Vuole una demo per tutto il team",
                    "Chiede un'offerta entro fine mese", "Ha seguito il webinar e prenotato un incontro",
                    "Sostituisce il fornitore attuale quest'anno"));

    /** The notes sales typically write with each rejection reason. */
    static final Map<RejectReason, Bilingual> REJECT_NOTES = Map.of(
            RejectReason.NOT_READY, new Bilingual(
                    List.of("Only collecting information for next year", "Wants to talk again after the summer",
                            "Still comparing options internally"),
                    List.of("Raccoglie solo informazioni per l'anno prossimo", "Vuole risentirci dopo l'estate",
                            "Sta ancora confrontando le alternative")),
            RejectReason.NO_BUDGET, new Bilingual(
                    List.of("Budget frozen until Q3", "No budget approved this year"),
                    List.of("Budget congelato fino al terzo trimestre", "Nessun budget approvato quest'anno")),
            RejectReason.NO_CONTACT, new Bilingual(
                    List.of("Three calls and two e-mails, no answer", "Phone number does not work"),
                    List.of("Tre chiamate e due e-mail, nessuna risposta", "Il numero di telefono non funziona")),
            RejectReason.NOT_A_FIT, new Bilingual(
                    List.of("Too small for our offer", "Needs a product we do not sell"),
                    List.of("Troppo piccola per la nostra offerta", "Cerca un prodotto che non vendiamo")),
            RejectReason.OTHER, new Bilingual(
                    List.of("Already served by our partner", "Student project, not a buyer"),
                    List.of("Già seguita da un nostro partner", "Progetto di uno studente, non un acquirente")),
            RejectReason.DUPLICATE, new Bilingual(
                    List.of("Same company as an open opportunity"),
                    List.of("Stessa azienda di un'opportunità aperta")));

    /** Why a lead went back to NEW or was reopened, when no handoff says it. */
    static final Bilingual RECYCLED = new Bilingual(List.of("Handoff rejected: not ready yet"),
            List.of("Passaggio rifiutato: non ancora pronto"));
    static final Bilingual REOPENED = new Bilingual(List.of("Reopened: new budget announced"),
            List.of("Riaperto: annunciato un nuovo budget"));

    /** Free-text survey answers (anonymous; each respondent writes in their own language). */
    static final Bilingual SURVEY_ANSWERS = new Bilingual(
            List.of("More time for customer visits", "Fewer internal meetings",
                    "Clearer handoff rules between marketing and sales", "Better CRM reports", "Great team spirit"),
            List.of("Più tempo per le visite ai clienti", "Meno riunioni interne",
                    "Regole più chiare per i passaggi tra marketing e vendite", "Più formazione sul prodotto",
                    "Ottima collaborazione con il marketing"));

    /**
     * The pulse survey's title: the whole team reads it, so the manager writes it in both languages
     * (its questions come from the library, which each reader sees in their own language).
     */
    static final String SURVEY_TITLE = "Pulse mensile · Monthly pulse";

    private DemoTexts() {
    }
}
