/**
 * Notifications: the bell in the header. Other features send them through
 * {@link app.ponte.notification.NotificationService#send}; they are stored and pushed live.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package app.ponte.notification;
