package app.ponte.stats;

import java.util.List;
import java.util.Map;

/** Open leads without activity for more than {@code days} days before asOf. */
public record Stalled(int days, Map<String, Long> byStatus, List<StalledLead> leads) {
}
