package fr.macrea.max.tenant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param crmSchemaPrefix prefix of every tenant CRM schema ({@code crm_} gives {@code crm_<slug>}); integration
 *                        tests use a per-run prefix so that two runs never share a schema
 */
@ConfigurationProperties("max.tenancy")
public record TenancyProperties(@DefaultValue("crm_") String crmSchemaPrefix) {
}
