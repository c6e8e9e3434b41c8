package fr.macrea.max.action;

import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.security.TenantContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.time.Clock;

/** Test doubles of the wallet and action ITs: in-memory CRM per tenant, a movable clock, test actions. */
@TestConfiguration
@Import(TestActions.class)
public class ActionTestConfiguration {

    @Bean
    @Primary
    InMemoryCrmGateway inMemoryCrmGateway(TenantContext context) {
        return new InMemoryCrmGateway(context);
    }
}
