package app.ponte.handoff;

/**
 * A marketer's handoffs decided in a period: how many were accepted and rejected.
 *
 * @param percent accepted ÷ decided × 100, rounded half up; {@code null} when nothing was decided
 */
public record HandoffRate(long accepted, long rejected, Integer percent) {

    public static HandoffRate of(long accepted, long rejected) {
        long decided = accepted + rejected;
        Integer percent = decided == 0 ? null : (int) ((accepted * 200 + decided) / (2 * decided));
        return new HandoffRate(accepted, rejected, percent);
    }

    public long decided() {
        return accepted + rejected;
    }
}
