package io.creditsuite.support.arch;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules every service relies on really reject what they should, and accept clean code. */
class LayeringRulesTest {
    private static final String FIXTURES = "io.creditsuite.support.arch.fixture";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURES);

    @Test
    void a_domain_class_importing_spring_breaks_the_build() {
        assertThrows(AssertionError.class,
                () -> LayeringRules.domainIsFrameworkFree(FIXTURES + ".bad").check(CLASSES));
    }

    @Test
    void a_pure_domain_used_by_an_adapter_passes() {
        LayeringRules.domainIsFrameworkFree(FIXTURES + ".good").check(CLASSES);
        LayeringRules.layersPointInward(FIXTURES + ".good").check(CLASSES);
    }

    @Test
    void a_plain_use_case_with_transactional_and_its_isolation_passes() {
        LayeringRules.applicationUsesOnlyTransactional(FIXTURES + ".good").check(CLASSES);
        LayeringRules.noStereotypesInApplicationOrDomain(FIXTURES + ".good").check(CLASSES);
    }

    @Test
    void a_use_case_annotated_as_a_spring_service_breaks_the_build() {
        assertThrows(AssertionError.class,
                () -> LayeringRules.noStereotypesInApplicationOrDomain(FIXTURES + ".stereotyped").check(CLASSES));
        assertThrows(AssertionError.class,
                () -> LayeringRules.applicationUsesOnlyTransactional(FIXTURES + ".stereotyped").check(CLASSES));
    }

    @Test
    void a_domain_policy_annotated_as_a_spring_component_breaks_the_build() {
        assertThrows(AssertionError.class,
                () -> LayeringRules.noStereotypesInApplicationOrDomain(FIXTURES + ".stereotypeddomain").check(CLASSES));
    }

    @Test
    void a_use_case_catching_a_spring_dao_exception_breaks_the_build() {
        assertThrows(AssertionError.class,
                () -> LayeringRules.applicationUsesOnlyTransactional(FIXTURES + ".daocatch").check(CLASSES));
    }

    @Test
    void a_use_case_implementing_a_spring_lifecycle_interface_breaks_the_build() {
        assertThrows(AssertionError.class,
                () -> LayeringRules.applicationUsesOnlyTransactional(FIXTURES + ".lifecycle").check(CLASSES));
    }

    @Test
    void a_domain_depending_on_an_adapter_breaks_the_build() {
        assertThrows(AssertionError.class,
                () -> LayeringRules.layersPointInward(FIXTURES + ".bad").check(CLASSES));
    }
}
