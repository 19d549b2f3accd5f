package app.ponte.health;

import app.ponte.security.Role;
import java.util.Map;

/** A historical response (demo data, import): the role group and the answers by question order. */
public record ImportedResponse(Role roleGroup, Map<Integer, Integer> scores, Map<Integer, String> texts) {
}
