/**
 * Wiring probes: the smallest real uses of Dubbo, RocketMQ and Seata TCC across services, so
 * that the devstack's smoke demo and the system tests prove the middleware end to end before
 * any business logic depends on it. They move no money.
 */
package io.creditsuite.api.probe;
