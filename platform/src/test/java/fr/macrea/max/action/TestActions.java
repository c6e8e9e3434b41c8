package fr.macrea.max.action;

import fr.macrea.max.wallet.DefaultPrices;
import fr.macrea.max.wallet.Right;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A movable clock and the test actions, shared by the pipeline ITs (real CRM) and the wallet ITs (in-memory CRM). */
@TestConfiguration
public class TestActions {

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

    @Bean
    TestSendAction perUnitSendAction() {
        return new TestSendAction(TestSendAction.PER_UNIT_ID, Right.BASIC_AI);
    }

    /** An AI call: locked on Standard (SPEC §5). */
    @Bean
    TestSendAction aiCallAction() {
        return new TestSendAction(DefaultPrices.AI_CALL, Right.AI_CALLS);
    }
}
