/**
 * Wiring probes: the smallest real uses of Dubbo, RocketMQ and Seata TCC across services, so
 * that the devstack's smoke demo and the system tests prove the middleware end to end before
 * any business logic depends on it. They move no money.
 *
 * <p>Methods declare {@code throws ApiException} so that Dubbo's ExceptionFilter passes an
 * expected refusal (e.g. {@code REQUEST_ID_REUSED}) to the caller as it is, without logging it
 * as an unexpected error.
 */
package io.creditsuite.api.probe;
