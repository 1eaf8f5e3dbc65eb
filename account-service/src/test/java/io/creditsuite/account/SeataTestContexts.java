package io.creditsuite.account;

import java.lang.reflect.Field;
import java.util.Set;
import org.apache.seata.core.model.BranchType;
import org.apache.seata.rm.DefaultResourceManager;
import org.apache.seata.spring.annotation.GlobalTransactionScanner;

/**
 * Seata's GlobalTransactionScanner remembers the names of the beans it has proxied in a static
 * set, and its TCC resource manager refuses a second bean for the same action name, so in a test
 * JVM that starts several Spring contexts only the FIRST context gets its TCC actions proxied; in
 * the others the try would run as a plain call (no branch, no fence). Each IT that needs TCC calls
 * this while its context is being created (from its {@code @DynamicPropertySource}, which runs
 * once per new context): its own beans are then proxied and registered, whatever order the test
 * classes run in. Phase two of a branch then reaches the newest context, the one under test.
 */
public final class SeataTestContexts {
    private SeataTestContexts() {
    }

    public static void forgetProxiedBeans() {
        try {
            Field proxied = GlobalTransactionScanner.class.getDeclaredField("PROXYED_SET");
            proxied.setAccessible(true);
            ((Set<?>) proxied.get(null)).clear();
            DefaultResourceManager.get().getResourceManager(BranchType.TCC).getManagedResources().clear();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Seata's GlobalTransactionScanner changed: PROXYED_SET not found", e);
        }
    }
}
