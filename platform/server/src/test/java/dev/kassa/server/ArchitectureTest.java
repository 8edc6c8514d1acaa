package dev.kassa.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.ws.rs.Path;

/**
 * Dependency rules over the main code of the server and of the plugin API (tests are left out:
 * they may load plugins). A rule whose classes were not imported fails rather than passes
 * (ArchUnit's {@code failOnEmptyShould}).
 */
@AnalyzeClasses(packages = {"dev.kassa.server", "dev.kassa.api"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule serverNamesNoPluginClass = noClasses().that().resideInAPackage("dev.kassa.server..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.kassa.plugin..", "dev.kassa.theme..")
            .because("plugins are jars in the plugins directory that the server finds through PF4J, never"
                    + " classes it is built against");

    @ArchTest
    static final ArchRule apiNamesNoServerClass = noClasses().that().resideInAPackage("dev.kassa.api..")
            .should().dependOnClassesThat().resideInAPackage("dev.kassa.server..")
            .because("the plugin API is all a plugin sees of Kassa; it depends on nothing but the JDK and pf4j");

    /** The bounded contexts; {@code web}, {@code shared} and the technical packages serve them all. */
    private static final String[] CONTEXTS = {"tenant", "account", "payment", "banktransfer", "ledger", "currency",
        "plugin", "mail", "theme", "clientarea", "webhook", "billing", "document", "bankstatement"};

    @ArchTest
    static final ArchRule domainDependsOnNoOuterLayer = noClasses().that().resideInAPackage("dev.kassa.server.*.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.kassa.server.*.application..",
                    "dev.kassa.server.*.infrastructure..", "dev.kassa.server.*.api..", "dev.kassa.server.web..")
            .because("the domain is the rules of the business, which no way of storing or showing them may change");

    @ArchTest
    static final ArchRule noCyclesBetweenContexts = slices()
            .matching("dev.kassa.server.(" + String.join("|", CONTEXTS) + ").." ).namingSlices("$1")
            .should().beFreeOfCycles()
            .because("a context that needs another's news gets it through an interface it owns or a CDI event");

    @ArchTest
    static final ArchRule resourcesCallApplicationServicesOnly = noClasses().that().areAnnotatedWith(Path.class)
            .should().dependOnClassesThat().resideInAnyPackage("dev.kassa.server.*.infrastructure..",
                    "dev.kassa.server.db..", "jakarta.persistence..")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .because("a resource turns HTTP into one call of an application service and its answer into a view");

    @ArchTest
    static final ArchRule applicationServicesHoldNoEntityManager = noClasses()
            .that().resideInAPackage("dev.kassa.server.*.application..")
            .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
            .because("persistence sits behind repository interfaces in domain, implemented with JPA in infrastructure");

    @ArchTest
    static final ArchRule resourcesLiveInTheirContextsApi = classes().that().areAnnotatedWith(Path.class)
            .should().resideInAPackage("dev.kassa.server.*.api")
            .because("each context holds its own resources; web is only the shared kernel");

    @ArchTest
    static final ArchRule webKernelNamesNoContextButThroughItsOwnInterfaces = noClasses()
            .that().resideInAPackage("dev.kassa.server.web..")
            .should().dependOnClassesThat().resideInAnyPackage(contextPackages())
            .because("the kernel serves every context and so may depend on none of them");

    @ArchTest
    static final ArchRule applicationNamesNoWeb = noClasses()
            .that().resideInAPackage("dev.kassa.server.*.application..")
            .should().dependOnClassesThat().resideInAPackage("dev.kassa.server.web..")
            .because("the web kernel shows what the application hands it (Money in a problem, rows for a page),"
                    + " not the other way round");

    @ArchTest
    static final ArchRule domainRunsNoQuery = noClasses().that().resideInAPackage("dev.kassa.server.*.domain..")
            .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
            .orShould().dependOnClassesThat().areAssignableTo(Query.class)
            .because("entities map their columns and repositories are interfaces; queries live in infrastructure");

    @ArchTest
    static final ArchRule jsonProviderLookedUpOnce = noClasses().that().resideInAPackage("dev.kassa.server..")
            .should().dependOnClassesThat().belongToAnyOf(Json.class)
            .because("each static jakarta.json.Json call looks the JSON-P provider up again through the class"
                    + " loaders, which cost a third of the CPU of a JSON API request; keep a JsonProvider in a"
                    + " constant instead");

    private static String[] contextPackages() {
        String[] packages = new String[CONTEXTS.length];
        for (int i = 0; i < CONTEXTS.length; i++) {
            packages[i] = "dev.kassa.server." + CONTEXTS[i] + "..";
        }
        return packages;
    }
}
