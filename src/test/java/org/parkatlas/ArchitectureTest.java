package org.parkatlas;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package boundaries the code is organised by: the domain and the engines (parcels and their rules, networks,
 * the readiness engine, the filter tree) know nothing of HTTP or SQL, and the layer model depends on no feature.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.parkatlas");
    }

    @Test
    void domainAndEnginesKnowNothingOfHttpOrSql() {
        noClasses().that().resideInAnyPackage("org.parkatlas.network..", "org.parkatlas.parcel..",
                        "org.parkatlas.feature..", "org.parkatlas.crs..")
                .or().haveSimpleNameEndingWith("Engine")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                        "java.sql..", "javax.sql..", "org.springframework.jdbc..", "org.parkatlas.store..",
                        "org.parkatlas.ogcapi..", "org.parkatlas.web..")
                .because("the park's rules and engines must be usable and testable without a server or a database")
                .check(classes);
    }

    @Test
    void theNetworkGraphsKnowNothingOfParcelsOrReadiness() {
        noClasses().that().resideInAPackage("org.parkatlas.network..")
                .should().dependOnClassesThat().resideInAnyPackage("org.parkatlas.readiness..",
                        "org.parkatlas.parcel..", "org.parkatlas.catalog..")
                .check(classes);
    }

    @Test
    void onlyTheStoreSpeaksSql() {
        noClasses().that().resideOutsideOfPackages("org.parkatlas.store..", "org.parkatlas.account..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..")
                .because("SQL lives in the store (and the accounts' own table), each dialect in its SqlDialect; "
                        + "a GeoPackage is SQLite but is written through its own library")
                .check(classes);
    }
}
