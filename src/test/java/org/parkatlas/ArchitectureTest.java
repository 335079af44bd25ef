package org.parkatlas;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module boundaries the code is organised by, checked on every build with ArchUnit (Spring Modulith would verify
 * the same, but it treats only direct sub-packages of the application package as modules and needs its own
 * event-publication registry to be of use; ArchUnit states each rule we mean and nothing more). Each top-level
 * package is a module: modules form no cycle, a module's {@code internal} package is its own, the layer model
 * depends on no feature, and the domain and the engines know nothing of HTTP or SQL.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.parkatlas");
    }

    @Test
    void modulesDependOnEachOtherWithoutCycles() {
        slices().matching("org.parkatlas.(*)..").should().beFreeOfCycles()
                .because("a module that depends on one that depends on it cannot be understood, tested or replaced "
                        + "on its own")
                .check(classes);
    }

    @Test
    void theLayerModelDependsOnNoFeature() {
        classes().that().resideInAPackage("org.parkatlas.catalog..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.parkatlas.catalog..", "java..",
                        "org.locationtech.jts.geom..", "org.springframework.context.annotation..")
                .because("every module reads the catalogue; it must read nothing back")
                .check(classes);
    }

    @Test
    void aModulesInternalsAreItsOwn() {
        noClasses().that().resideOutsideOfPackage("org.parkatlas.parcel..")
                .should().dependOnClassesThat().resideInAPackage("org.parkatlas.parcel.internal..")
                .because("other modules use the parcel module through ParcelService, its rules and its history "
                        + "through the one write path")
                .check(classes);
    }

    @Test
    void domainAndEnginesKnowNothingOfHttpOrSql() {
        noClasses().that().resideInAnyPackage("org.parkatlas.network..", "org.parkatlas.parcel",
                        "org.parkatlas.feature..", "org.parkatlas.crs..", "org.parkatlas.catalog..",
                        "org.parkatlas.editing..")
                .or().haveSimpleNameEndingWith("Engine")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                        "java.sql..", "javax.sql..", "org.springframework.jdbc..", "org.parkatlas.ogcapi..",
                        "org.parkatlas.web..", "org.parkatlas.http..")
                .because("the park's rules, engines and write path must be usable and testable without a server or "
                        + "a database driver; the store is reached through its port")
                .check(classes);
    }

    @Test
    void theDomainDoesNotReachIntoTheStore() {
        noClasses().that().resideInAnyPackage("org.parkatlas.network..", "org.parkatlas.parcel",
                        "org.parkatlas.feature..", "org.parkatlas.crs..", "org.parkatlas.catalog..")
                .or().haveSimpleNameEndingWith("Engine")
                .should().dependOnClassesThat().resideInAPackage("org.parkatlas.store..")
                .check(classes);
    }

    @Test
    void onlyTheOneWritePathWritesToTheStore() {
        for (String write : new String[]{"create", "update", "delete", "insert", "replace", "lockForWrite"}) {
            noClasses().that().resideOutsideOfPackages("org.parkatlas.editing..", "org.parkatlas.store..")
                    .should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.base.DescribedPredicate.describe("FeatureStore",
                                    (JavaClass c) -> c.isAssignableTo(org.parkatlas.store.FeatureStore.class))))
                            .and(JavaCall.Predicates.target(HasName.Predicates.name(write))))
                    .because("every write runs the layers' rules and keeps history: through editing.FeatureWriter")
                    .check(classes);
        }
    }

    @Test
    void theNetworkGraphsKnowNothingOfParcelsOrReadiness() {
        noClasses().that().resideInAPackage("org.parkatlas.network..")
                .should().dependOnClassesThat().resideInAnyPackage("org.parkatlas.readiness..",
                        "org.parkatlas.parcel..", "org.parkatlas.catalog..")
                .check(classes);
    }

    @Test
    void onlyTheStoreAndTheModulesOwnTablesSpeakSql() {
        noClasses().that().resideOutsideOfPackages("org.parkatlas.store..", "org.parkatlas.account..",
                        "org.parkatlas..internal..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..")
                .because("SQL lives in the store, each dialect in its SqlDialect, and in a module's own repository "
                        + "(accounts, parcel history); a GeoPackage is SQLite but is written through its own library")
                .check(classes);
    }
}
