/**
 * Live updates: features publish "this changed" signals (a topic and an id) inside their
 * transactions; after the commit every subscribed view on every node re-reads what it shows.
 * Within one node the signals go straight to the subscribers; between nodes sharing a PostgreSQL
 * database they travel by {@code NOTIFY}, sent in the same transaction so a rolled-back change is
 * never announced. Views subscribe through {@link app.ponte.live.LiveUpdates}, which coalesces
 * signals so one browser tab receives at most a few pushes per second.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live updates")
package app.ponte.live;
