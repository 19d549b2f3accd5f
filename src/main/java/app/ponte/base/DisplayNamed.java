package app.ponte.base;

/** Something with a name to show people, such as the signed-in user's principal. */
public interface DisplayNamed {

    String displayName();
}
