package io.creditsuite.support.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The house-style layering every service enforces with an ArchUnit test:
 * {@code domain} (pure Java) &lt;- {@code application} (use cases) &lt;- {@code infrastructure}
 * (adapters). Shipped in service-support's test-jar.
 *
 * <p>Use cases are plain classes wired with {@code @Bean} in {@code infrastructure/config}: the application layer
 * uses no Spring but {@code @Transactional} ({@link #applicationUsesOnlyTransactional}), and no class of the
 * application or the domain is a Spring stereotype ({@link #noStereotypesInApplicationOrDomain}).
 */
public final class LayeringRules {
    /** Frameworks and wire types the domain must not know. */
    static final String[] FORBIDDEN_IN_DOMAIN = {
        "org.springframework..", "com.baomidou..", "org.apache.ibatis..", "org.mybatis..", "org.apache.dubbo..",
        "org.apache.rocketmq..", "org.apache.seata..", "io.seata..", "jakarta.persistence..",
        "io.creditsuite.api..", "io.creditsuite.support.."
    };

    /**
     * The only Spring the application layer may name: {@code @Transactional} and the enums of its attributes
     * ({@code isolation}, {@code propagation}), which exist only to be written inside it.
     */
    static final Class<?>[] SPRING_ALLOWED_IN_APPLICATION = {Transactional.class, Isolation.class, Propagation.class};

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

    /**
     * Nothing under {@code <root>.application} depends on Spring except {@code @Transactional}: no stereotype, no
     * lifecycle interface ({@code DisposableBean}), no {@code dao} exception type ({@code DuplicateKeyException}
     * caught in a use case means the adapter did not translate it), no {@code JdbcTemplate}.
     */
    public static ArchRule applicationUsesOnlyTransactional(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + ".application..")
                .should().dependOnClassesThat(resideInAPackage("org.springframework..")
                        .and(not(belongToAnyOf(SPRING_ALLOWED_IN_APPLICATION))))
                // a catch clause is not a dependency to ArchUnit (the type sits only in the exception table)
                .orShould(catchSpringExceptions())
                .because("use cases are plain classes wired in infrastructure/config; the only Spring they may use"
                        + " is @Transactional, and adapters translate the store's exceptions into their own")
                .allowEmptyShould(true);
    }

    /**
     * No class under {@code <root>.application} or {@code <root>.domain} is a Spring stereotype
     * ({@code @Component}, {@code @Service}, {@code @Repository}, {@code @Configuration}, ...: every annotation
     * meta-annotated with {@code @Component}).
     */
    public static ArchRule noStereotypesInApplicationOrDomain(String rootPackage) {
        return noClasses().that().resideInAnyPackage(rootPackage + ".application..", rootPackage + ".domain..")
                .should().beMetaAnnotatedWith(Component.class)
                .because("use cases and the domain are wired with @Bean in infrastructure/config, not scanned")
                .allowEmptyShould(true);
    }

    /** Satisfied by a class with a {@code catch} of a Spring exception type (which ArchUnit's dependencies miss). */
    static ArchCondition<JavaClass> catchSpringExceptions() {
        return new ArchCondition<>("catch Spring exceptions") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                    for (TryCatchBlock block : unit.getTryCatchBlocks()) {
                        for (JavaClass caught : block.getCaughtThrowables()) {
                            boolean spring = caught.getPackageName().startsWith("org.springframework");
                            events.add(new SimpleConditionEvent(javaClass, spring, unit.getFullName() + " catches "
                                    + caught.getName() + " in " + block.getSourceCodeLocation()));
                        }
                    }
                }
            }
        };
    }
}
