package app.ponte.intake;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * CORS for {@code POST /api/leads} only, from {@code ponte.intake.allowed-origins}, so a company's
 * website can post its form from the visitor's browser. The API filter chain uses this bean by its
 * name ({@code http.cors(withDefaults())}), before authentication: a preflight {@code OPTIONS}
 * needs no token, and one from an origin not listed is refused (403). No other path allows any origin.
 */
@Configuration
class IntakeCors {

    @Bean("corsConfigurationSource")
    CorsConfigurationSource corsConfigurationSource(IntakeProperties properties) {
        var source = new UrlBasedCorsConfigurationSource();
        List<String> origins = properties.allowedOrigins().stream().filter(o -> !o.isBlank()).map(String::strip)
                .toList();
        if (!origins.isEmpty()) {
            var intake = new CorsConfiguration();
            intake.setAllowedOrigins(origins);
            intake.setAllowedMethods(List.of("POST"));
            intake.setAllowedHeaders(List.of("Authorization", "Content-Type"));
            intake.setExposedHeaders(List.of("Location", "Retry-After"));
            intake.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/api/leads", intake);
        }
        return source;
    }
}
