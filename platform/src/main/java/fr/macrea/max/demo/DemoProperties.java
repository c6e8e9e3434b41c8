package fr.macrea.max.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled  load the demo tenants on a first start (an empty tenant table)
 * @param password the password of every demo login
 */
@ConfigurationProperties("max.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("MaxDemo2026") String password) {
}
