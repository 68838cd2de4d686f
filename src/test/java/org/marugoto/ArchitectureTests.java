package org.marugoto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The house conventions that a new module must follow too (docs/decisions/0003). */
class ArchitectureTests {

    /** The feature modules: each has domain/ and web/ packages and a small root API. */
    private static final String[] MODULES = {
        "access",
        "area",
        "audit",
        "casework",
        "community",
        "consent",
        "consultation",
        "directory",
        "outreach",
        "participation",
        "people",
        "planning",
        "referral",
        "statistics",
        "watch",
        "imports"
    };

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.marugoto");

    @Test
    void domainNeverDependsOnWeb() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.marugoto..web..")
                .check(classes);
    }

    @Test
    void controllersAreInternalToTheirModulesWebOrApiPackage() {
        classes()
                .that()
                .areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .or()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should()
                .resideInAnyPackage("..web..", "..api..")
                .andShould()
                .notBePublic()
                .check(classes);
    }

    @Test
    void aModulesWebPackageIsUsedOnlyInsideThatModule() {
        for (String module : MODULES) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage("org.marugoto." + module + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.marugoto." + module + ".web..")
                    .because("pages talk to other modules through their root API, not their controllers or forms")
                    .check(classes);
        }
    }

    @Test
    void sqlIsWrittenOnlyInDomainPackages() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..domain..", "..demo..", "org.marugoto.shared")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc.core..")
                .because("web and API classes go through their module's services (demo loaders may back-date rows)")
                .check(classes);
    }

    @Test
    void noFieldInjection() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.beans.factory.annotation.Autowired")
                .check(classes);
    }

    @Test
    void formsAreRecords() {
        classes()
                .that()
                .resideInAPackage("org.marugoto..web..")
                .and()
                .haveSimpleNameEndingWith("Form")
                .and()
                .areTopLevelClasses()
                .should()
                .beRecords()
                .because("forms are records bound by their constructor (decision 0024)")
                .check(classes);
    }
}
