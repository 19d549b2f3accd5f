package app.ponte.stats.ui;

import app.ponte.stats.MarketerFigures;
import app.ponte.stats.Period;
import app.ponte.stats.RepFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A person's own figures beside the team median, from the per-rep and per-marketer lists of the
 * statistics service (one entry per holder of the role, zeros included, so the median is over the
 * whole team). Pure: the view and the home card read the lists, this turns them into figures.
 */
public final class MyNumbers {

    private MyNumbers() {
    }

    /**
     * The salesperson's figures; empty when {@code username} is not in the list. The won value only when
     * {@code money} (the service has already left it out otherwise; this keeps the tile out too); the
     * interactions count links to the interactions list only when the viewer may open it.
     */
    public static List<MyFigure> sales(List<RepFigures> reps, String username, Long userId, Period period,
            boolean money, boolean interactionsList) {
        Optional<RepFigures> mine = reps.stream().filter(r -> r.username().equals(username)).findFirst();
        if (mine.isEmpty()) {
            return List.of();
        }
        RepFigures me = mine.get();
        String prefix = "reps." + username + ".";
        List<MyFigure> figures = new ArrayList<>();
        figures.add(new MyFigure("interactions", prefix + "interactions", Figure.Kind.COUNT, me.interactions(),
                median(reps, RepFigures::interactions),
                // the interactions list is the managers': a salesperson's count is no link there
                userId == null || !interactionsList ? null
                        : DrillDown.interactions(userId, null, period.from(), period.to())));
        figures.add(new MyFigure("avgOutcome", prefix + "avgOutcome", Figure.Kind.DECIMAL, me.avgOutcome(),
                median(reps, RepFigures::avgOutcome), null));
        figures.add(new MyFigure("handoffsReceived", prefix + "handoffsReceived", Figure.Kind.COUNT,
                me.handoffsReceived(), median(reps, RepFigures::handoffsReceived), null));
        figures.add(new MyFigure("acceptanceRate", prefix + "acceptanceRate", Figure.Kind.RATIO, me.acceptanceRate(),
                median(reps, RepFigures::acceptanceRate), null));
        figures.add(new MyFigure("medianDecisionHours", prefix + "medianDecisionHours", Figure.Kind.HOURS,
                me.medianDecisionHours(), median(reps, RepFigures::medianDecisionHours), null));
        figures.add(new MyFigure("won", prefix + "won", Figure.Kind.COUNT, me.won(), median(reps, RepFigures::won),
                userId == null ? null : DrillDown.entered("WON", period.from(), period.to(), userId, null)));
        figures.add(new MyFigure("winRate", prefix + "winRate", Figure.Kind.RATIO, me.winRate(),
                median(reps, RepFigures::winRate), null));
        if (money && me.wonValue() != null) {
            Double median = median(reps, RepFigures::wonValue);
            figures.add(new MyFigure("wonValue", prefix + "wonValue", Figure.Kind.MONEY, me.wonValue(),
                    median == null ? null : BigDecimal.valueOf(median).setScale(2, RoundingMode.HALF_UP), null));
        }
        return List.copyOf(figures);
    }

    /** The marketer's figures; empty when {@code username} is not in the list. */
    public static List<MyFigure> marketing(List<MarketerFigures> marketers, String username, Long userId,
            Period period) {
        Optional<MarketerFigures> mine = marketers.stream().filter(m -> m.username().equals(username)).findFirst();
        if (mine.isEmpty()) {
            return List.of();
        }
        MarketerFigures me = mine.get();
        String prefix = "marketers." + username + ".";
        return List.of(
                new MyFigure("leadsCreated", prefix + "leadsCreated", Figure.Kind.COUNT, me.leadsCreated(),
                        median(marketers, MarketerFigures::leadsCreated), null),
                new MyFigure("mqls", prefix + "mqls", Figure.Kind.COUNT, me.mqls(),
                        median(marketers, MarketerFigures::mqls),
                        userId == null ? null : DrillDown.entered("MQL", period.from(), period.to(), userId, null)),
                new MyFigure("handoffsSent", prefix + "handoffsSent", Figure.Kind.COUNT, me.handoffsSent(),
                        median(marketers, MarketerFigures::handoffsSent), null),
                new MyFigure("accepted", prefix + "accepted", Figure.Kind.COUNT, me.accepted(),
                        median(marketers, MarketerFigures::accepted), null),
                new MyFigure("rejected", prefix + "rejected", Figure.Kind.COUNT, me.rejected(),
                        median(marketers, MarketerFigures::rejected), null),
                new MyFigure("acceptanceRate", prefix + "acceptanceRate", Figure.Kind.RATIO, me.acceptanceRate(),
                        median(marketers, MarketerFigures::acceptanceRate), null),
                new MyFigure("handoffsWon", prefix + "handoffsWon", Figure.Kind.COUNT, me.handoffsWon(),
                        median(marketers, MarketerFigures::handoffsWon), null));
    }

    private static <T> Double median(List<T> team, Function<T, ? extends Number> figure) {
        return Median.of(team.stream().map(figure).map(n -> (Number) n).toList());
    }
}
