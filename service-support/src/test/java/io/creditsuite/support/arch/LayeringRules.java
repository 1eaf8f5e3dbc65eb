package io.creditsuite.support.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The house-style layering every service enforces with an ArchUnit test:
 * {@code domain} (pure Java) &lt;- {@code application} (use cases) &lt;- {@code infrastructure}
 * (adapters). Shipped in service-support's test-jar.
 */
public final class LayeringRules {
    /** Frameworks and wire types the domain must not know. */
    static final String[] FORBIDDEN_IN_DOMAIN = {
        "org.springframework..", "com.baomidou..", "org.apache.ibatis..", "org.mybatis..", "org.apache.dubbo..",
        "org.apache.rocketmq..", "org.apache.seata..", "io.seata..", "jakarta.persistence..",
        "io.creditsuite.api..", "io.creditsuite.support.."
    };

    private LayeringRules() {
    }

    /** Nothing under {@code <root>.domain} imports Spring, MyBatis, Dubbo, RocketMQ, Seata or common-api. */
    public static ArchRule domainIsFrameworkFree(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(FORBIDDEN_IN_DOMAIN)
                .because("the rules about money must be readable and testable without any framework")
                // a service whose domain is still empty passes; the rule bites as soon as it has one
                .allowEmptyShould(true);
    }

    /** Adapters depend on use cases and the domain, never the other way round. */
    public static ArchRule layersPointInward(String rootPackage) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Domain").definedBy(rootPackage + ".domain..")
                .layer("Application").definedBy(rootPackage + ".application..")
                .layer("Infrastructure").definedBy(rootPackage + ".infrastructure..")
                .whereLayer("Infrastructure").mayNotBeAccessedByAnyLayer()
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Infrastructure")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Infrastructure");
    }
}
