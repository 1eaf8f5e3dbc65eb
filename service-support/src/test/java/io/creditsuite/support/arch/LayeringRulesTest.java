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
    void a_domain_depending_on_an_adapter_breaks_the_build() {
        assertThrows(AssertionError.class,
                () -> LayeringRules.layersPointInward(FIXTURES + ".bad").check(CLASSES));
    }
}
