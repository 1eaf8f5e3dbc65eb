package io.creditsuite.gateway.infrastructure.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.gateway.infrastructure.web.partner.PartnerOpenApi;
import io.creditsuite.gateway.infrastructure.web.partner.StrictJsonBodyConverter;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The partner API's web edge: its strict JSON reader goes first among the converters (it reads only the partner
 * request bodies), and its OpenAPI document (served at {@code /v3/api-docs}, a copy kept in
 * {@code src/main/resources/openapi/partner-api.json}).
 */
@Configuration(proxyBeanMethods = false)
public class PartnerApiWebConfig implements WebMvcConfigurer {
    private final ObjectMapper objectMapper;

    public PartnerApiWebConfig(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(0, new StrictJsonBodyConverter(objectMapper));
    }

    @Bean
    OpenAPI partnerOpenApi() {
        return PartnerOpenApi.document();
    }

    @Bean
    OpenApiCustomizer partnerCommonResponses() {
        return PartnerOpenApi::addCommonResponses;
    }
}
