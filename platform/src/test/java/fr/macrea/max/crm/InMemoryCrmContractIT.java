package fr.macrea.max.crm;

import fr.macrea.max.action.InMemoryCrmGateway;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.testing.TestTenants;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The CRM contract on the in-memory test double that wallet, action and UI tests use in place of the real port: a
 * double that behaves differently from the port would let those tests pass for the wrong reasons.
 */
@Import(InMemoryCrmContractIT.Double.class)
class InMemoryCrmContractIT extends CrmGatewayContract {

    @TestConfiguration
    static class Double {
        @Bean
        @Primary
        InMemoryCrmGateway inMemoryCrmGateway(TenantContext context, ApplicationEventPublisher events) {
            return new InMemoryCrmGateway(context, events);
        }
    }

    private static Tenant tenant;

    @Override
    protected Tenant tenant() {
        if (!(crm instanceof InMemoryCrmGateway)) {
            throw new IllegalStateException("the contract must run on the in-memory double here, not on " + crm.getClass());
        }
        if (tenant == null) {
            tenant = TestTenants.create(tenantService, "En memoire", Plan.PRO);
        }
        return tenant;
    }

    @Override
    public boolean checksFields() {
        return false; // the double stores whatever attributes it is given
    }
}
