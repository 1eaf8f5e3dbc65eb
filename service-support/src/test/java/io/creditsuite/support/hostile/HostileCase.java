package io.creditsuite.support.hostile;

import io.creditsuite.api.error.ErrorCode;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;

/**
 * One hostile call: a method of a Dubbo interface, its arguments and the error codes that may answer it.
 *
 * @param expected the codes a correct provider may answer with; empty means "any code of a 4xx kind" (the cases
 *                 made by reflection, where which check fires first is the provider's choice)
 */
public record HostileCase(Class<?> api, Method method, String name, Object[] args, Set<ErrorCode> expected) {

    /** An explicit case: {@code methodName} is looked up on {@code api} by name and argument count. */
    public static HostileCase of(Class<?> api, String methodName, String name, Set<ErrorCode> expected, Object... args) {
        Method method = Arrays.stream(api.getMethods())
                .filter(m -> m.getName().equals(methodName) && m.getParameterCount() == args.length)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + api.getSimpleName() + "." + methodName
                        + " with " + args.length + " arguments"));
        return new HostileCase(api, method, name, args, Set.copyOf(expected));
    }

    public String label() {
        return api.getSimpleName() + "." + method.getName() + " [" + name + "]";
    }
}
