package app.ponte.lead;

import app.ponte.security.UserId;
import java.math.BigDecimal;

/** What is entered to create a lead; {@code owner} empty means the creator owns it. */
public record NewLead(String name, String company, String email, String phone, String channelCode, Intent intent,
        BigDecimal expectedValue, UserId owner) {
}
