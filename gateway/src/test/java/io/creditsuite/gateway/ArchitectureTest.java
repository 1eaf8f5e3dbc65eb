package io.creditsuite.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.creditsuite.support.arch.LayeringRules;

/** The layering of the house style, enforced: see {@link LayeringRules}. */
@AnalyzeClasses(packages = "io.creditsuite.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule domain_imports_no_framework = LayeringRules.domainIsFrameworkFree("io.creditsuite.gateway");

    @ArchTest
    static final ArchRule layers_point_inward = LayeringRules.layersPointInward("io.creditsuite.gateway");

    @ArchTest
    static final ArchRule application_uses_only_transactional =
            LayeringRules.applicationUsesOnlyTransactional("io.creditsuite.gateway");

    @ArchTest
    static final ArchRule no_spring_stereotypes_in_application_or_domain =
            LayeringRules.noStereotypesInApplicationOrDomain("io.creditsuite.gateway");
}
