package app.ponte.security;

/** The columns the user list may be sorted by; anything else is refused by construction. */
public enum UserSort {
    USERNAME,
    FULL_NAME,
    CREATED_AT
}
