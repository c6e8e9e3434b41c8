package fr.macrea.max.settings;

/** The groups of tenant settings stored per tenant, one row each ({@code tenant_setting.slot}). */
public enum SettingsSlot { N8N, MODEL, SMTP, CONSENT }
