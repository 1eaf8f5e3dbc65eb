package io.creditsuite.support.resilience;

import com.alibaba.csp.sentinel.AsyncEntry;
import com.alibaba.csp.sentinel.EntryType;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.Tracer;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeException;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.AsyncRpcResult;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * Sentinel on every Dubbo edge ({@link DubboResilience} holds the rules), written on sentinel-core: Sentinel's Dubbo 3
 * adapter is built against Dubbo 3.0.9, not this project's 3.3. A consumer's calls to one service share a circuit
 * breaker: once open, a call fails at once, without a network round trip, as {@code DOWNSTREAM_UNAVAILABLE} (CS-1004,
 * 503 at the gateway) naming the service. A provider's method over its calls/s is {@code RATE_LIMITED} (CS-1005).
 * Only transport failures and internal errors count against a breaker; a refusal with a stable code is an answer.
 * Entries are asynchronous ({@link AsyncEntry}): a response may complete on another thread than the call's.
 */
@Activate(group = {CommonConstants.CONSUMER, CommonConstants.PROVIDER})
public class SentinelDubboFilter implements Filter, Filter.Listener {
    private static final String ENTRY = "cs.sentinel.entry";

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        boolean consumer = CommonConstants.CONSUMER.equals(invoker.getUrl().getSide(CommonConstants.PROVIDER));
        String service = invoker.getInterface().getSimpleName();
        String resource = consumer ? "dubbo-consumer:" + service
                : "dubbo-provider:" + service + "." + invocation.getMethodName();
        if (consumer) {
            DubboResilience.consumed(resource);
        } else {
            DubboResilience.provided(resource);
        }
        AsyncEntry entry;
        try {
            entry = SphU.asyncEntry(resource, consumer ? EntryType.OUT : EntryType.IN);
        } catch (BlockException refused) {
            return AsyncRpcResult.newDefaultAsyncResult(refusal(refused, consumer, service, invocation), invocation);
        }
        invocation.put(ENTRY, entry);
        try {
            return invoker.invoke(invocation);
        } catch (RuntimeException e) {
            invocation.put(ENTRY, null);
            done(entry, e);
            throw e;
        }
    }

    static ApiException refusal(BlockException refused, boolean consumer, String service, Invocation invocation) {
        if (consumer && refused instanceof DegradeException) {
            return new ApiException(ErrorCode.DOWNSTREAM_UNAVAILABLE, service + " is unavailable: its circuit breaker"
                    + " is open after too many failed or slow calls; retry later");
        }
        return new ApiException(ErrorCode.RATE_LIMITED, service + "." + invocation.getMethodName()
                + " is over its calls per second; retry later");
    }

    @Override
    public void onResponse(Result result, Invoker<?> invoker, Invocation invocation) {
        done(invocation, result.hasException() ? result.getException() : null);
    }

    @Override
    public void onError(Throwable t, Invoker<?> invoker, Invocation invocation) {
        done(invocation, t);
    }

    private static void done(Invocation invocation, Throwable failure) {
        if (invocation.get(ENTRY) instanceof AsyncEntry entry) {
            invocation.put(ENTRY, null);
            done(entry, failure);
        }
    }

    private static void done(AsyncEntry entry, Throwable failure) {
        if (failure != null && !(failure instanceof ApiException)) {
            Tracer.traceEntry(failure, entry);
        }
        entry.exit();
    }
}
