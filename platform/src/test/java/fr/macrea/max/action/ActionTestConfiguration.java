package fr.macrea.max.action;

import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.wallet.DefaultPrices;
import fr.macrea.max.wallet.Right;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;

/** Test doubles of the wallet and action ITs: in-memory CRM per tenant, a movable clock, test actions. */
@TestConfiguration
public class ActionTestConfiguration {

    @Bean
    @Primary
    InMemoryCrmGateway inMemoryCrmGateway(TenantContext context) {
        return new InMemoryCrmGateway(context);
    }

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    @Bean
    TestWriteAction testWriteAction() {
        return new TestWriteAction();
    }

    @Bean
    TestSendAction testSendAction() {
        return new TestSendAction(TestSendAction.ID, Right.BASIC_AI);
    }

    /** An AI call: locked on Standard (SPEC §5). */
    @Bean
    TestSendAction aiCallAction() {
        return new TestSendAction(DefaultPrices.AI_CALL, Right.AI_CALLS);
    }
}
