package fr.macrea.max.demo;

import fr.macrea.max.security.NewUser;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.security.UserService;
import fr.macrea.max.tenant.NewTenant;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.tenant.TenantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * On the first start of the embedded default (no demo tenant yet), creates the three demo tenants, their users and
 * their data.
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoProperties properties;
    private final TenantService tenants;
    private final UserService users;
    private final TenantContext context;
    private final List<DemoSeeder> seeders;

    DemoDataLoader(DemoProperties properties, TenantService tenants, UserService users, TenantContext context,
                   List<DemoSeeder> seeders) {
        this.properties = properties;
        this.tenants = tenants;
        this.users = users;
        this.context = context;
        this.seeders = seeders.stream().sorted(Comparator.comparingInt(DemoSeeder::order)).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled() || alreadyLoaded()) {
            return;
        }
        log.info("First start: loading the demo tenants");
        SystemAuthentication.asPlatform(() -> {
            load();
            return null;
        });
    }

    private boolean alreadyLoaded() {
        return tenants.allForSystemJobs().stream()
                .anyMatch(t -> DemoTenant.ALL.stream().anyMatch(d -> d.name().equals(t.name())));
    }

    private void load() {
        String password = properties.password();
        users.create(new NewUser(DemoTenant.PLATFORM_ADMIN_EMAIL, "Équipe MaCréa", password, true));
        long consultant = users.create(new NewUser(DemoTenant.CONSULTANT_EMAIL, "Camille Consultante", password, false));
        for (DemoTenant demo : DemoTenant.ALL) {
            Tenant tenant = tenants.create(new NewTenant(demo.name(), demo.slug(), demo.plan(), demo.addOns()));
            long admin = users.create(new NewUser(demo.adminEmail(), "Admin " + demo.name(), password, false));
            long user = users.create(new NewUser(demo.userEmail(), displayNameOf(demo.userEmail()), password, false));
            users.grant(tenant.id(), admin, Role.TENANT_ADMIN);
            users.grant(tenant.id(), user, Role.TENANT_USER);
            if (!"transexpress_lyon".equals(demo.slug())) {
                users.grant(tenant.id(), consultant, Role.TENANT_USER);
            }
            for (DemoSeeder seeder : seeders) {
                context.runAs(tenant, () -> seeder.seed(tenant, demo));
            }
        }
    }

    private static String displayNameOf(String email) {
        String local = email.substring(0, email.indexOf('@'));
        return Character.toUpperCase(local.charAt(0)) + local.substring(1);
    }
}
