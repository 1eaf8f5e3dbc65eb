package io.creditsuite.support.metrics;

import io.creditsuite.api.error.ApiException;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * Times every Dubbo call on both sides into {@link RpcTimers}, from the call to its response, so an asynchronous
 * result is timed when it completes ({@link Filter.Listener}), not when the invoker returns.
 */
@Activate(group = {CommonConstants.CONSUMER, CommonConstants.PROVIDER})
public class RpcTimerDubboFilter implements Filter, Filter.Listener {
    private static final String STARTED = "cs.rpc.started";

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        invocation.put(STARTED, System.nanoTime());
        return invoker.invoke(invocation);
    }

    @Override
    public void onResponse(Result result, Invoker<?> invoker, Invocation invocation) {
        record(invoker, invocation, result.hasException() ? outcome(result.getException()) : "ok");
    }

    @Override
    public void onError(Throwable t, Invoker<?> invoker, Invocation invocation) {
        record(invoker, invocation, outcome(t));
    }

    static String outcome(Throwable t) {
        if (t instanceof ApiException api) {
            return api.errorCode().code();
        }
        return t instanceof RpcException ? "rpc-error" : "error";
    }

    private static void record(Invoker<?> invoker, Invocation invocation, String outcome) {
        if (invocation.get(STARTED) instanceof Long started) {
            RpcTimers.record(invoker.getUrl().getSide(CommonConstants.PROVIDER), invoker.getInterface().getSimpleName(),
                    invocation.getMethodName(), outcome, System.nanoTime() - started);
        }
    }
}
