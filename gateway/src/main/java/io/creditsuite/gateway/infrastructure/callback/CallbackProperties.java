package io.creditsuite.gateway.infrastructure.callback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signed decision callbacks to partners ({@code credit-suite.gateway.callbacks.*}; README, "Decision callbacks").
 *
 * @param enabled            consume CS_APPROVAL_EVENTS and run the dispatcher (default true; ITs without a broker
 *                           turn it off)
 * @param dispatchEvery      the dispatcher's fixed delay between passes (default 5 s)
 * @param dispatchThreads    dispatcher threads, sharing the due rows through the claims (default 4)
 * @param batch              due rows one pass looks at (default 50)
 * @param firstRetry         the delay after the first failed attempt, doubled after each further one (default 10 s)
 * @param maxRetryDelay      the longest delay between attempts (default 10 min)
 * @param maxAttempts        attempts before GAVE_UP (default 12: about 47 minutes of trying with the defaults)
 * @param connectTimeout     TCP and TLS connect timeout of one POST (default 2 s)
 * @param readTimeout        the whole answer's timeout of one POST (default 5 s)
 * @param lease              how long a claim holds a row; must exceed connect + read timeouts (default 60 s)
 * @param allowLoopbackHttp  also accept plain http to a loopback host (localhost, 127.0.0.0/8, ::1): tests and the
 *                           devstack only, refused at start in the prod profile (default false: https only)
 */
@ConfigurationProperties("credit-suite.gateway.callbacks")
public record CallbackProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue("5s") Duration dispatchEvery,
                                 @DefaultValue("4") int dispatchThreads,
                                 @DefaultValue("50") int batch,
                                 @DefaultValue("10s") Duration firstRetry,
                                 @DefaultValue("10m") Duration maxRetryDelay,
                                 @DefaultValue("12") int maxAttempts,
                                 @DefaultValue("2s") Duration connectTimeout,
                                 @DefaultValue("5s") Duration readTimeout,
                                 @DefaultValue("60s") Duration lease,
                                 @DefaultValue("false") boolean allowLoopbackHttp) {
    public CallbackProperties {
        if (lease.compareTo(connectTimeout.plus(readTimeout).multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("credit-suite.gateway.callbacks.lease (" + lease + ") must be at least"
                    + " twice connect-timeout + read-timeout, or a slow attempt could be claimed twice");
        }
        if (batch < 1 || dispatchThreads < 1 || dispatchEvery.isNegative() || dispatchEvery.isZero()) {
            throw new IllegalArgumentException("credit-suite.gateway.callbacks: batch, dispatch-threads and"
                    + " dispatch-every must be positive");
        }
    }
}
