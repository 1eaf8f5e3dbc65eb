package io.creditsuite.support.env;

import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;
import org.apache.dubbo.rpc.cluster.filter.ClusterFilter;

/**
 * A consumer's call carries its request's environment before the provider is chosen: a cluster filter runs ahead of
 * Dubbo's routers, and its {@code dubbo.tag} attachment is what Dubbo's tag router reads. The router sends a tagged
 * call to providers of that tag, or (no such provider, {@code dubbo.force.tag} false) to the untagged baseline; an
 * untagged call never reaches a tagged provider. {@link EnvDubboFilter} sees which one answered.
 */
@Activate(group = CommonConstants.CONSUMER)
public class EnvRoutingClusterFilter implements ClusterFilter {

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        Environments.current().ifPresent(env -> {
            invocation.setAttachment(CommonConstants.TAG_KEY, env);
            invocation.setAttachment(Environments.ATTACHMENT, env);
        });
        return invoker.invoke(invocation);
    }
}
