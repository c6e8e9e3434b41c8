package fr.macrea.max.shared;

import java.io.Serializable;

/** Identity of a tenant (a brand or business). Only ever obtained from the authenticated principal. */
public record TenantId(long value) implements Serializable {

    public TenantId {
        if (value <= 0) {
            throw new IllegalArgumentException("tenant id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return "tenant#" + value;
    }
}
