package dev.kassa.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependency rules over the main code of the server and of the plugin API (tests are left out:
 * they may load plugins). A rule whose classes were not imported fails rather than passes
 * (ArchUnit's {@code failOnEmptyShould}).
 */
@AnalyzeClasses(packages = {"dev.kassa.server", "dev.kassa.api"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule serverNamesNoPluginClass = noClasses().that().resideInAPackage("dev.kassa.server..")
            .should().dependOnClassesThat().resideInAPackage("dev.kassa.plugin..")
            .because("plugins are jars in the plugins directory that the server finds through PF4J, never"
                    + " classes it is built against");

    @ArchTest
    static final ArchRule apiNamesNoServerClass = noClasses().that().resideInAPackage("dev.kassa.api..")
            .should().dependOnClassesThat().resideInAPackage("dev.kassa.server..")
            .because("the plugin API is all a plugin sees of Kassa; it depends on nothing but the JDK and pf4j");
}
