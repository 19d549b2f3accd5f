package app.ponte.dataimport;

/** Told after each batch: the data records read so far and the bytes of the file read so far. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (records, bytes) -> { };

    void advanced(long records, long bytes);
}
