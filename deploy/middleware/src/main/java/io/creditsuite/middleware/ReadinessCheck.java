package io.creditsuite.middleware;

/**
 * Tells whether a component is usable. Returning false or throwing both mean "not yet": the
 * caller keeps polling until its deadline and reports the last exception if it never succeeds.
 */
@FunctionalInterface
public interface ReadinessCheck {

    boolean isReady() throws Exception;

    /** Describes the check in failure messages. */
    default String description() {
        return "readiness check";
    }

    /** This check with a description for failure messages. */
    static ReadinessCheck named(String description, ReadinessCheck check) {
        return new ReadinessCheck() {
            @Override
            public boolean isReady() throws Exception {
                return check.isReady();
            }

            @Override
            public String description() {
                return description;
            }
        };
    }
}
