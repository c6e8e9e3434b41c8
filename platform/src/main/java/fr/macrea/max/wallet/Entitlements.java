package fr.macrea.max.wallet;

import fr.macrea.max.shared.Message;

import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import org.springframework.stereotype.Service;

import java.util.Arrays;
import java.util.List;

/** Per-feature rights of the current tenant (plan + add-ons), checked on the server by the action pipeline. */
@Service
public class Entitlements {

    private final TenantService tenants;

    Entitlements(TenantService tenants) {
        this.tenants = tenants;
    }

    public Entitlement check(Right right) {
        return of(tenants.current(), right);
    }

    public boolean has(Right right) {
        return check(right).granted();
    }

    public List<Entitlement> all() {
        Tenant tenant = tenants.current();
        return Arrays.stream(Right.values()).map(r -> of(tenant, r)).toList();
    }

    static Entitlement of(Tenant tenant, Right right) {
        boolean granted = Plans.grants(tenant.plan(), tenant.addOns(), right);
        Message message = granted ? Message.of("wallet.right.granted", right.label())
                : Message.of("wallet.right.locked", right.label(), tenant.plan().label(), right.unlockedBy());
        return new Entitlement(right, granted, message);
    }
}
