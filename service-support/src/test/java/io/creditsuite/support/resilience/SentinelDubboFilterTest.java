package io.creditsuite.support.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.ping.AccountPingService;
import io.creditsuite.api.ping.CreditPingService;
import io.creditsuite.api.ping.PingService;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.rpc.AsyncRpcResult;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;
import org.apache.dubbo.rpc.RpcInvocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Dubbo edges under Sentinel, through the filter as Dubbo runs it. The windows are a minute long and every test
 * calls until the effect shows (at most a bounded number of calls), so no assertion depends on the machine's speed.
 */
class SentinelDubboFilterTest {
    private static final int MIN_CALLS = 5;
    private final SentinelDubboFilter filter = new SentinelDubboFilter();

    @BeforeAll
    static void minuteLongWindows() {
        DubboResilience.configure(new DubboResilience.Settings(Duration.ofMinutes(1), 1.0, 0.5, MIN_CALLS,
                Duration.ofMinutes(1), Duration.ofMinutes(1), 1));
    }

    @Test
    void a_consumers_breaker_opens_on_transport_failures_and_then_answers_at_once_naming_the_service() {
        AtomicInteger reached = new AtomicInteger();
        Invoker<?> failing = invoker(PingService.class, "consumer", reached,
                () -> new RpcException(RpcException.NETWORK_EXCEPTION, "connection refused"));
        Throwable answer = null;
        for (int call = 0; call < 4 * MIN_CALLS && !(answer instanceof ApiException); call++) {
            answer = call(failing).getException();
        }
        int reachedWhenOpen = reached.get();
        assertThat(answer).isInstanceOf(ApiException.class);
        assertThat(((ApiException) answer).errorCode()).isEqualTo(ErrorCode.DOWNSTREAM_UNAVAILABLE);
        assertThat(answer.getMessage()).contains("PingService is unavailable: its circuit breaker is open");
        assertThat(call(failing).getException()).isInstanceOf(ApiException.class);
        assertThat(reached.get()).as("an open breaker answers without calling").isEqualTo(reachedWhenOpen);
    }

    @Test
    void refusals_with_a_stable_code_are_answers_and_never_open_a_breaker() {
        AtomicInteger reached = new AtomicInteger();
        Invoker<?> refusing = invoker(AccountPingService.class, "consumer", reached,
                () -> new ApiException(ErrorCode.LOAN_UNKNOWN, "no loan"));
        for (int call = 0; call < 4 * MIN_CALLS; call++) {
            assertThat(((ApiException) call(refusing).getException()).errorCode()).isEqualTo(ErrorCode.LOAN_UNKNOWN);
        }
        assertThat(reached.get()).isEqualTo(4 * MIN_CALLS);
    }

    @Test
    void a_provider_method_over_its_calls_per_second_is_rate_limited() {
        Invoker<?> serving = invoker(CreditPingService.class, "provider", new AtomicInteger(), () -> null);
        Throwable answer = null;
        for (int call = 0; call < 1000 && answer == null; call++) {
            answer = call(serving).getException();
        }
        assertThat(answer).isInstanceOf(ApiException.class);
        assertThat(((ApiException) answer).errorCode()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(answer.getMessage()).contains("CreditPingService.ping is over its calls per second");
    }

    private Result call(Invoker<?> invoker) {
        RpcInvocation invocation = new RpcInvocation("ping", invoker.getInterface().getName(), null, new Class<?>[0],
                new Object[0]);
        Result result = filter.invoke(invoker, invocation);
        filter.onResponse(result, invoker, invocation);
        return result;
    }

    private static Invoker<?> invoker(Class<?> api, String side, AtomicInteger reached,
                                      java.util.function.Supplier<Throwable> outcome) {
        URL url = URL.valueOf("dubbo://127.0.0.1:20880/" + api.getName() + "?side=" + side);
        return (Invoker<?>) Proxy.newProxyInstance(Invoker.class.getClassLoader(), new Class<?>[] {Invoker.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getUrl" -> url;
                    case "getInterface" -> api;
                    case "invoke" -> {
                        reached.incrementAndGet();
                        Throwable t = outcome.get();
                        yield t == null ? AsyncRpcResult.newDefaultAsyncResult("pong", (RpcInvocation) args[0])
                                : AsyncRpcResult.newDefaultAsyncResult(t, (RpcInvocation) args[0]);
                    }
                    case "isAvailable" -> true;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
