package app.ponte.health;

import app.ponte.security.Role;
import java.util.List;

/** The results of the responses of one role group, shown only when every group meets the threshold. */
public record RoleSlice(Role role, int responses, Enps enps, List<QuestionResult> questions) {
}
