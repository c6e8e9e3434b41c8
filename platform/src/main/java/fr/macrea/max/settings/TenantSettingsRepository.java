package fr.macrea.max.settings;

import fr.macrea.max.persistence.TenantScope;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.util.Optional;

import static fr.macrea.max.db.platform.Tables.TENANT_SETTING;

/** The current tenant's settings rows, through {@link TenantScope}; secrets come in and go out encrypted. */
@Repository
class TenantSettingsRepository {

    record Stored(String valuesJson, String secretEnc, LocalDateTime secretSetAt) {
    }

    private final TenantScope scope;

    TenantSettingsRepository(TenantScope scope) {
        this.scope = scope;
    }

    Optional<Stored> find(SettingsSlot slot) {
        return scope.selectFrom(TENANT_SETTING).and(TENANT_SETTING.SLOT.eq(slot.name())).fetchOptional()
                .map(r -> new Stored(r.getValuesJson(), r.getSecretEnc(), r.getSecretSetAt()));
    }

    void save(SettingsSlot slot, Stored stored, LocalDateTime now) {
        int updated = scope.update(TENANT_SETTING).set(TENANT_SETTING.VALUES_JSON, stored.valuesJson())
                .set(TENANT_SETTING.SECRET_ENC, stored.secretEnc())
                .set(TENANT_SETTING.SECRET_SET_AT, stored.secretSetAt())
                .set(TENANT_SETTING.UPDATED_AT, now)
                .where(TENANT_SETTING.SLOT.eq(slot.name())).execute();
        if (updated == 0) {
            scope.insertInto(TENANT_SETTING).set(TENANT_SETTING.SLOT, slot.name())
                    .set(TENANT_SETTING.VALUES_JSON, stored.valuesJson())
                    .set(TENANT_SETTING.SECRET_ENC, stored.secretEnc())
                    .set(TENANT_SETTING.SECRET_SET_AT, stored.secretSetAt())
                    .set(TENANT_SETTING.UPDATED_AT, now).execute();
        }
    }

    void delete(SettingsSlot slot) {
        scope.deleteFrom(TENANT_SETTING).and(TENANT_SETTING.SLOT.eq(slot.name())).execute();
    }
}
