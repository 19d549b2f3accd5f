package app.ponte.lead;

import java.util.List;

/**
 * A column of the bridge board: a status on its span, or the lost leads that fell from that span
 * ({@code status} LOST with the span in {@code stage}).
 */
public record BoardColumn(BridgeStage stage, LeadStatus status) {

    public boolean isLost() {
        return status == LeadStatus.LOST;
    }

    /** The board's columns, span by span: each span's statuses, then the leads lost on it. */
    public static List<BoardColumn> all() {
        return java.util.Arrays.stream(BridgeStage.values())
                .flatMap(stage -> java.util.stream.Stream.concat(
                        stage.statuses().stream().map(s -> new BoardColumn(stage, s)),
                        java.util.stream.Stream.of(new BoardColumn(stage, LeadStatus.LOST))))
                .toList();
    }

    /** The grid filter that lists every lead of this column. */
    public LeadFilter filter() {
        return LeadFilter.none().withStatus(status).withStage(stage);
    }
}
