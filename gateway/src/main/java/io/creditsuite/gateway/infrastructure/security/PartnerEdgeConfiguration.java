package io.creditsuite.gateway.infrastructure.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.gateway.domain.partner.IdempotencyPolicy;
import io.creditsuite.gateway.domain.partner.ScopeRoutes;
import io.creditsuite.gateway.domain.partner.SignaturePolicy;
import io.creditsuite.gateway.infrastructure.idempotency.IdempotencyFilter;
import io.creditsuite.gateway.infrastructure.idempotency.IdempotencyProperties;
import io.creditsuite.gateway.infrastructure.idempotency.JdbcIdempotencyRecords;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the partner edge. Filter order (after the request-id filter, which is first):
 * trace-id header, operator token ({@code /ops/**}), signature, idempotency.
 */
@Configuration(proxyBeanMethods = false)
public class PartnerEdgeConfiguration {
    /** Purge statements per turn: with the default batch, at most 100,000 rows per minute per table. */
    private static final int MAX_BATCHES_PER_TURN = 100;

    @Bean
    SecretCipher secretCipher(PartnerAdminProperties admin) {
        return new SecretCipher(admin.keyEncryptionKeyBytes());
    }

    @Bean
    SignaturePolicy signaturePolicy(Clock clock, PartnerSecurityProperties security) {
        return new SignaturePolicy(clock, security.timestampWindow());
    }

    /** The table of PartnerScope's Javadoc; a test may extend it with routes of its own. */
    @Bean
    @ConditionalOnMissingBean
    ScopeRoutes scopeRoutes() {
        return ScopeRoutes.standard();
    }

    @Bean
    JdbcSigningKeys jdbcSigningKeys(JdbcTemplate jdbc, SecretCipher cipher) {
        return new JdbcSigningKeys(jdbc, cipher);
    }

    @Bean
    JdbcNonceStore jdbcNonceStore(JdbcTemplate jdbc, Clock clock) {
        return new JdbcNonceStore(jdbc, clock);
    }

    @Bean
    JdbcIdempotencyRecords jdbcIdempotencyRecords(JdbcTemplate jdbc, Clock clock) {
        return new JdbcIdempotencyRecords(jdbc, clock);
    }

    @Bean
    ProblemWriter problemWriter(ObjectMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    FilterRegistrationBean<TraceIdHeaderFilter> traceIdHeaderFilter() {
        return registration(new TraceIdHeaderFilter(), 1);
    }

    @Bean
    FilterRegistrationBean<OperatorTokenFilter> operatorTokenFilter(PartnerAdminProperties admin, ProblemWriter problems) {
        return registration(new OperatorTokenFilter(admin.operatorToken(), problems), 2);
    }

    @Bean
    FilterRegistrationBean<PartnerSignatureFilter> partnerSignatureFilter(SignaturePolicy policy, JdbcSigningKeys keys,
            JdbcNonceStore nonces, ScopeRoutes routes, ProblemWriter problems, PartnerSecurityProperties security) {
        return registration(new PartnerSignatureFilter(policy, keys, nonces, routes, problems,
                Math.toIntExact(security.maxBodySize().toBytes())), 3);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcIdempotencyRecords records, ProblemWriter problems,
            Clock clock, IdempotencyProperties idempotency) {
        return registration(new IdempotencyFilter(records, new IdempotencyPolicy(idempotency.staleAfter()), problems,
                clock, idempotency.retention()), 5); // after the flow control (4): a refused request claims no key
    }

    @Bean
    EdgePurges edgePurges(JdbcNonceStore nonces, JdbcIdempotencyRecords records, PartnerSecurityProperties security,
                          IdempotencyProperties idempotency) {
        return new EdgePurges(List.of(
                new EdgePurges.Purge("nonces", security.noncePurgeEvery(),
                        () -> nonces.purgeExpired(security.noncePurgeBatch(), MAX_BATCHES_PER_TURN)),
                new EdgePurges.Purge("idempotency records", idempotency.purgeEvery(),
                        () -> records.purgeExpired(idempotency.purgeBatch(), MAX_BATCHES_PER_TURN))));
    }

    /**
     * The edge's filters in tens after the request id's (first): 10 trace id, 15 environment (service-support's
     * EnvServletFilter), 20 operator token, 30 signature, 40 flow control, 50 idempotency.
     */
    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> registration(F filter, int afterFirst) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + afterFirst * 10);
        return registration;
    }
}
