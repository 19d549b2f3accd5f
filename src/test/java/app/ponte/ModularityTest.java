package app.ponte;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature boundaries hold: no cycles between features, no feature reaches into another's
 * internals (only its root package is its API), views never touch repositories.
 */
class ModularityTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.ponte");

    @Test
    void feature_modules_respect_their_boundaries() {
        ApplicationModules.of(Application.class).verify();
    }

    @Test
    void views_never_use_repositories() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAPackage("..repository..")
                .check(CLASSES);
    }

    @Test
    void rest_controllers_never_use_repositories() {
        noClasses().that().resideInAPackage("..api..")
                .should().dependOnClassesThat().resideInAPackage("..repository..")
                .check(CLASSES);
    }

    @Test
    void only_the_handoff_feature_turns_an_mql_into_an_sql() {
        // MQL → SQL happens only by an accepted handoff (domain.md); the lead service trusts its caller
        noClasses().that().resideOutsideOfPackages("app.ponte.handoff..", "app.ponte.lead")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.base.DescribedPredicate.describe("LeadService handoff outcomes",
                                t -> t.getOwner().getName().equals("app.ponte.lead.LeadService")
                                        && (t.getName().equals("acceptedByHandoff")
                                        || t.getName().equals("recycledByHandoff")))))
                .check(CLASSES);
    }

    @Test
    void only_the_interaction_feature_keeps_a_lead_s_outcome_summary() {
        noClasses().that().resideOutsideOfPackages("app.ponte.interaction..", "app.ponte.lead")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.base.DescribedPredicate.describe("LeadService.interactionsChanged",
                                t -> (t.getOwner().getName().equals("app.ponte.lead.LeadService")
                                        || t.getOwner().getName().equals("app.ponte.lead.LeadHistoryService"))
                                        && t.getName().equals("interactionsChanged"))))
                .check(CLASSES);
    }

    @Test
    void only_the_purchase_feature_keeps_a_lead_s_revenue() {
        // lead.revenue is the sum of the lead's purchases, written from the purchase feature's write path (048)
        noClasses().that().resideOutsideOfPackages("app.ponte.purchase..", "app.ponte.lead..")
                .should().dependOnClassesThat().haveFullyQualifiedName("app.ponte.lead.LeadRevenueService")
                .check(CLASSES);
    }

    @Test
    void only_the_import_demo_data_and_interaction_history_write_lead_history() {
        // LeadHistoryService writes the past with its own times and authors (decision 032): no screen may
        noClasses().that().resideOutsideOfPackages("app.ponte.dataimport", "app.ponte.demo",
                        "app.ponte.interaction", "app.ponte.lead")
                .should().dependOnClassesThat().haveFullyQualifiedName("app.ponte.lead.LeadHistoryService")
                .check(CLASSES);
    }

    @Test
    void only_the_intake_feature_creates_leads_for_a_configured_owner() {
        // LeadService.intake makes the configured marketer the creator; only web-to-lead may do that
        noClasses().that().resideOutsideOfPackages("app.ponte.intake..", "app.ponte.lead")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.base.DescribedPredicate.describe("LeadService.intake",
                                t -> t.getOwner().getName().equals("app.ponte.lead.LeadService")
                                        && t.getName().equals("intake"))))
                .check(CLASSES);
    }

    @Test
    void base_depends_on_no_feature() {
        noClasses().that().resideInAPackage("app.ponte.base..")
                .should().dependOnClassesThat().resideInAnyPackage("app.ponte.security..", "app.ponte.demo..",
                        "app.ponte.handoff..", "app.ponte.health..", "app.ponte.lead..", "app.ponte.interaction..")
                .check(CLASSES);
    }
}
