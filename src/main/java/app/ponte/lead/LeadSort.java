package app.ponte.lead;

/** The columns the lead list may be sorted by; the id always breaks ties. */
public enum LeadSort {
    NAME,
    COMPANY,
    STATUS,
    CHANNEL,
    OWNER,
    DAYS_IN_STATUS,
    LAST_INTERACTION,
    EXPECTED_VALUE,
    CREATED_AT
}
