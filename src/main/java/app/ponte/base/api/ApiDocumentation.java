package app.ponte.base.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The head of the OpenAPI document springdoc serves at {@code /api/openapi} (docs/decisions/013):
 * title, and the two ways every {@code /api/**} call signs in (HTTP Basic, Bearer API token).
 */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI ponteOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Ponte API").version("1")
                        .description("Statistics, users, web-to-lead intake. Errors are JSON {\"error\", \"field\"}."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("an API token: ponte_ + 40 characters (admin/tokens)")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
