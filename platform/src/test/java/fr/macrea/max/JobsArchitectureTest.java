package fr.macrea.max;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.Schedules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * Periodic and delayed work goes through db-scheduler (package {@code jobs}, docs/decisions/0008): a Spring
 * {@code @Scheduled} method runs on every node of a cluster, so the CRM pull or a sweeper would run N times.
 */
@AnalyzeClasses(packages = "fr.macrea.max", importOptions = ImportOption.DoNotIncludeTests.class)
class JobsArchitectureTest {

    @ArchTest
    static final ArchRule noScheduledMethods = noMethods()
            .should().beAnnotatedWith(Scheduled.class)
            .orShould().beAnnotatedWith(Schedules.class)
            .because("a @Scheduled job runs on every node: declare a ClusterJobs.recurring task instead");

    @ArchTest
    static final ArchRule noSpringScheduling = noClasses()
            .should().beAnnotatedWith(EnableScheduling.class)
            .because("jobs run on db-scheduler, once per cluster");
}
