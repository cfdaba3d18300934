package dev.fixpoint.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §1 as executable rules over the main (non-test) classes of every fixpoint module on the
 * test classpath: the dependency direction between modules, no standard streams in library code, and
 * {@code internal} packages used only inside their own module.
 */
class ArchitectureTest {

    /** Main classes only: excludes test-classes folders and test-jars. */
    static final class MainCodeOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/") && !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar.*"));
        }
    }

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(new MainCodeOnly()).importPackages("dev.fixpoint");
    }

    @Test
    void importedEveryModule() {
        // guards against the rules passing vacuously because a module's classes were not found
        for (String pkg : new String[]{"dev.fixpoint.core", "dev.fixpoint.autodiff", "dev.fixpoint.operators", "dev.fixpoint.openblas", "dev.fixpoint.cli", "dev.fixpoint.solvers", "dev.fixpoint.imaging", "dev.fixpoint.bio"}) {
            org.junit.jupiter.api.Assertions.assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)),
                    "no classes imported from " + pkg);
        }
    }

    @Test
    void modulesDependOnlyOnModulesBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("core").definedBy("dev.fixpoint.core..")
                .layer("backends").definedBy("dev.fixpoint.openblas..")
                .layer("autodiff").definedBy("dev.fixpoint.autodiff..")
                .layer("operators").definedBy("dev.fixpoint.operators..")
                .layer("solvers").definedBy("dev.fixpoint.solvers..")
                .layer("domain").definedBy("dev.fixpoint.imaging..", "dev.fixpoint.bio..", "dev.fixpoint.geomechanics..")
                .layer("applications").definedBy("dev.fixpoint.cli..", "dev.fixpoint.benchmarks..")
                .whereLayer("applications").mayNotBeAccessedByAnyLayer()
                .whereLayer("domain").mayOnlyBeAccessedByLayers("applications")
                .whereLayer("solvers").mayOnlyBeAccessedByLayers("domain", "applications")
                .whereLayer("operators").mayOnlyBeAccessedByLayers("solvers", "domain", "applications")
                .whereLayer("autodiff").mayOnlyBeAccessedByLayers("operators", "solvers", "domain", "applications")
                .whereLayer("backends").mayOnlyBeAccessedByLayers("applications")
                .check(classes);
    }

    @Test
    void libraryCodeDoesNotUseStandardStreams() {
        // The CLI writes command output through picocli's writers, so this holds for it too.
        noClasses().should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("libraries report through SLF4J or ProgressListener, and the CLI through picocli's writers")
                .check(classes);
    }

    @Test
    void internalPackagesAreUsedOnlyInsideTheirModule() {
        classes().should(new ArchCondition<JavaClass>("use internal packages only of their own module") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = area(item.getPackageName());
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    if (target.startsWith("dev.fixpoint.") && target.contains(".internal") && !area(target).equals(own)) {
                        events.add(SimpleConditionEvent.violated(item, d.getDescription()));
                    }
                }
            }
        }).check(classes);
    }

    /** dev.fixpoint.core.linalg → dev.fixpoint.core */
    private static String area(String pkg) {
        String[] parts = pkg.split("\\.");
        return parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : pkg;
    }
}
