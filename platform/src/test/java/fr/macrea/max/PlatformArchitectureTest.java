package fr.macrea.max;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The persistence and package rules of the platform (docs/architecture.md, "Tenancy and persistence"), checked on
 * its compiled main classes. Each allow-list names its classes with the reason they may do what others may not;
 * nested classes and lambdas count as their top-level class.
 */
class PlatformArchitectureTest {

    private static final JavaClasses PLATFORM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.macrea.max");

    private static final String GENERATED = "fr.macrea.max.db";

    /**
     * The only classes that may hold or call a {@code DSLContext}. Every other query on a tenant-owned platform table
     * goes through {@code persistence.TenantScope}, which adds the tenant condition itself.
     */
    static final Map<String, String> DSL_CONTEXT_ALLOWED = Map.ofEntries(
            Map.entry("fr.macrea.max.persistence.TenantScope", "the tenant-scoped query helper itself"),
            Map.entry("fr.macrea.max.persistence.TenantInsert", "TenantScope's multi-row insert"),
            Map.entry("fr.macrea.max.persistence.TenantDsl", "maps the generated CRM schema to the tenant's own"),
            Map.entry("fr.macrea.max.tenant.TenantRepository", "the tenant registry is cross-tenant by nature"),
            Map.entry("fr.macrea.max.security.UserRepository", "users and memberships span tenants (sign-in)"),
            Map.entry("fr.macrea.max.crm.WebhookTenants", "webhook key -> tenant, before any tenant is known"),
            Map.entry("fr.macrea.max.creative.PublicImages", "image token -> bytes for recipients, who have no session"),
            Map.entry("fr.macrea.max.brain.BrainStateRepository", "brain_state is platform-wide (a brain jar is not a tenant's)"),
            // CRM-schema classes: TenantDsl.crm() renders their tables into the tenant's crm_<slug> schema, so
            // another tenant's rows are not reachable from their DSLContext (CrmIsolationIT, TenantIsolationIT)
            Map.entry("fr.macrea.max.crm.CrmStore", "CRM schema of the tenant (TenantDsl)"),
            Map.entry("fr.macrea.max.crm.CrmReader", "CRM schema of the tenant (TenantDsl)"),
            Map.entry("fr.macrea.max.crm.BulkRecords", "many CRM records at once in the tenant CRM schema (TenantDsl, through CrmStore)"),
            Map.entry("fr.macrea.max.crm.ContactPointStore", "CRM schema of the tenant (TenantDsl)"),
            Map.entry("fr.macrea.max.crm.SearchTextStore", "CRM schema of the tenant (TenantDsl)"),
            Map.entry("fr.macrea.max.crm.AttributeReader", "CRM schema of the tenant (TenantDsl)"),
            Map.entry("fr.macrea.max.crm.TargetListStore", "CRM schema of the tenant (TenantDsl)"),
            Map.entry("fr.macrea.max.crm.DuplicateReader", "CRM schema of the tenant (TenantDsl)"),
            Map.entry("fr.macrea.max.crm.ReplicaStore", "CRM schema of the tenant (TenantDsl)"),
            Map.entry("fr.macrea.max.crm.CrmSchema", "the tenant CRM tables' shared field lookups (TenantDsl)"),
            Map.entry("fr.macrea.max.crm.CustomFieldStore", "custom columns and their catalogue in the tenant CRM schema (TenantDsl)"),
            Map.entry("fr.macrea.max.crm.CrmSearch", "fills search_text of a tenant CRM schema (TenantDsl, migration V5)"),
            Map.entry("fr.macrea.max.ranking.LeadRepository", "CRM schema of the tenant (TenantDsl)"),
            Map.entry("fr.macrea.max.reporting.ReportingRepository", "CRM schema of the tenant (TenantDsl)"),
            Map.entry("fr.macrea.max.kpi.KpiRepository", "CRM schema of the tenant (TenantDsl)"),
            Map.entry("fr.macrea.max.outbound.OutboundCrmRepository", "consent facts of a send's recipients in the tenant CRM schema (TenantDsl)"));

    /** Not repositories, but jOOQ condition builders that only repositories call. */
    static final Map<String, String> QUERY_BUILDERS = Map.ofEntries(
            Map.entry("fr.macrea.max.crm.CriterionConditions", "the one translation of declarative criteria, shared by the KPIs and the CRM tab"),
            Map.entry("fr.macrea.max.crm.CustomFieldColumns", "typed custom columns for the CRM tab's lead list"),
            Map.entry("fr.macrea.max.crm.CustomColumns", "EspoCRM column types of custom fields for the CRM stores"),
            Map.entry("fr.macrea.max.crm.CustomSchema", "the custom columns of a table for the CRM stores"),
            Map.entry("fr.macrea.max.kpi.CrmCriteria", "turns a brain's declarative criteria into conditions for KpiRepository"),
            Map.entry("fr.macrea.max.ranking.LeadSegment", "the segment conditions shared by the lead and reporting repositories"),
            Map.entry("fr.macrea.max.reporting.CampaignActivity", "the campaign log conditions shared by the reporting tiles and the KPIs"),
            Map.entry("fr.macrea.max.crm.CrmSchema", "table and field lookups of the tenant CRM schema for the CRM stores"),
            Map.entry("fr.macrea.max.crm.CrmValues", "typed reads of CRM rows for the CRM stores"),
            Map.entry("fr.macrea.max.crm.CrmInput", "checks CRM input against the schema before a store writes it"),
            Map.entry("fr.macrea.max.crm.CrmSearch", "the one lead search condition, shared by the CRM reader and the ranking"),
            Map.entry("fr.macrea.max.crm.MaxNotes", "which notes are M.A.X.'s own log, left out of the lead activity by the ranking"));

    @Test
    void onlyTheAllowListHoldsADslContext() {
        noClasses().that(notIn(DSL_CONTEXT_ALLOWED.keySet()))
                .should().dependOnClassesThat().haveFullyQualifiedName("org.jooq.DSLContext")
                .because("a raw DSLContext on a platform table can forget tenant_id: use TenantScope")
                .check(PLATFORM);
    }

    @Test
    void jooqStaysInRepositoriesAndThePersistenceHelper() {
        noClasses().that(notIn(QUERY_BUILDERS.keySet()))
                .and().areNotAnnotatedWith(Repository.class)
                .and().resideOutsideOfPackages("fr.macrea.max.persistence..", GENERATED + "..")
                .and(notNestedInRepository())
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", GENERATED + "..")
                .because("jOOQ lives behind package-private repositories")
                .check(PLATFORM);
    }

    @Test
    void generatedTypesNeverCrossAPublicSignatureNorABeanThatIsNotARepository() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass type : PLATFORM) {
            if (type.getPackageName().startsWith(GENERATED)) {
                continue;
            }
            boolean publicType = type.getModifiers().contains(JavaModifier.PUBLIC);
            // a @Component store (or service) is called from other classes like a public API is, whatever its
            // visibility: only a @Repository may hand records to the services of its package
            boolean bean = type.isMetaAnnotatedWith(Component.class) && !type.isAnnotatedWith(Repository.class);
            if (!publicType && !bean) {
                continue;
            }
            for (JavaMember member : members(type)) {
                boolean visible = bean ? !member.getModifiers().contains(JavaModifier.PRIVATE)
                        : member.getModifiers().contains(JavaModifier.PUBLIC);
                if (visible && !member.getName().startsWith("lambda$") && exposesGenerated(member)) {
                    leaks.add(member.getFullName());
                }
            }
        }
        assertThat(leaks).as("members exposing generated jOOQ types, type arguments included").isEmpty();
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("fr.macrea.max.(*)..").should().beFreeOfCycles().check(PLATFORM);
    }

    private static List<JavaMember> members(JavaClass type) {
        List<JavaMember> members = new ArrayList<>(type.getCodeUnits());
        members.addAll(type.getFields());
        return members;
    }

    private static boolean exposesGenerated(JavaMember member) {
        Set<JavaClass> involved = new HashSet<>();
        if (member instanceof JavaCodeUnit unit) {
            involved.addAll(unit.getReturnType().getAllInvolvedRawTypes());
            unit.getParameterTypes().forEach(p -> involved.addAll(p.getAllInvolvedRawTypes()));
        } else if (member instanceof JavaField field) {
            involved.addAll(field.getType().getAllInvolvedRawTypes());
        }
        return involved.stream().anyMatch(c -> c.getPackageName().startsWith(GENERATED));
    }

    private static String topLevel(JavaClass type) {
        String name = type.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    private static DescribedPredicate<JavaClass> notIn(Set<String> names) {
        return DescribedPredicate.describe("not in the allow-list", c -> !names.contains(topLevel(c)));
    }

    private static DescribedPredicate<JavaClass> notNestedInRepository() {
        return DescribedPredicate.describe("not nested in a @Repository",
                c -> c.getEnclosingClass().map(e -> !e.isAnnotatedWith(Repository.class)).orElse(true));
    }
}
