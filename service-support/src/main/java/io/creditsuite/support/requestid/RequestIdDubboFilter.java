package io.creditsuite.support.requestid;

import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.MDC;

/**
 * Carries the request id across Dubbo calls: a consumer sends the id of the request it is
 * serving as an attachment; a provider puts the received (or a new) id into its log context
 * for the duration of the call, and restores what the thread had before.
 */
@Activate(group = {CommonConstants.CONSUMER, CommonConstants.PROVIDER})
public class RequestIdDubboFilter implements Filter {

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        if (invoker.getUrl().getSide(CommonConstants.PROVIDER).equals(CommonConstants.CONSUMER)) {
            String current = RequestIds.current();
            if (current != null) {
                invocation.setAttachment(RequestIds.ATTACHMENT, current);
            }
            return invoker.invoke(invocation);
        }
        String previous = MDC.get(RequestIds.MDC_KEY);
        MDC.put(RequestIds.MDC_KEY, RequestIds.acceptOrCreate(invocation.getAttachment(RequestIds.ATTACHMENT)));
        try {
            return invoker.invoke(invocation);
        } finally {
            if (previous == null) {
                MDC.remove(RequestIds.MDC_KEY);
            } else {
                MDC.put(RequestIds.MDC_KEY, previous);
            }
        }
    }
}
