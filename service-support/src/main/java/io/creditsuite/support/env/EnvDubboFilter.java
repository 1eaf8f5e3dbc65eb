package io.creditsuite.support.env;

import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;
import org.apache.skywalking.apm.toolkit.trace.ActiveSpan;

/**
 * Both ends of a Dubbo call in an environment. A provider serves the call in the caller's environment (log context,
 * span tag), so its own calls and events carry it on: the tag survives every hop. A consumer, once the provider is
 * chosen, reports a fallback: a call for environment E answered by a provider that is not in E (the branch lacks the
 * service) is logged and counted ({@link EnvRoutingMetrics}).
 */
@Activate(group = {CommonConstants.CONSUMER, CommonConstants.PROVIDER})
public class EnvDubboFilter implements Filter {

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        if (CommonConstants.CONSUMER.equals(invoker.getUrl().getSide(CommonConstants.PROVIDER))) {
            Environments.current().ifPresent(env -> {
                String providerEnv = invoker.getUrl().getParameter(CommonConstants.TAG_KEY, "");
                if (!env.equals(providerEnv)) {
                    EnvRoutingMetrics.rpcFallback(env, invoker.getInterface().getSimpleName(), invocation.getMethodName());
                }
            });
            return invoker.invoke(invocation);
        }
        String env = invocation.getAttachment(Environments.ATTACHMENT);
        if (!Environments.valid(env)) {
            return invoker.invoke(invocation);
        }
        ActiveSpan.tag(Environments.MDC_KEY, env);
        return Environments.within(env, () -> invoker.invoke(invocation));
    }
}
