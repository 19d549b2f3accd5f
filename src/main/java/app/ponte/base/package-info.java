/**
 * Shared building blocks every feature may use: settings, time, i18n and the application shell
 * ({@code ui}). Depends on no feature.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.ponte.base;
