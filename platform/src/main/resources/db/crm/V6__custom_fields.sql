-- MAX Fields Rebuild (SPEC §8): what M.A.X. knows of the custom fields and saved views it added to this CRM schema.
-- The columns themselves (c_<name>, named the EspoCRM way) are added by ALTER TABLE when a migration project is
-- applied, and read back from the information schema: this catalogue only keeps what the schema cannot say (the
-- EspoCRM type, the FR/EN label, the options, the GDPR purpose, the brain and migration that added it).
CREATE TABLE `max_custom_field` (
  `entity_type` varchar(100) NOT NULL,
  `name` varchar(100) NOT NULL,
  `type` varchar(30) NOT NULL,
  `label_fr` varchar(255) NOT NULL,
  `label_en` varchar(255) NOT NULL,
  `options` mediumtext DEFAULT NULL,
  `gdpr_purpose` varchar(255) DEFAULT NULL,
  `brain_id` varchar(64) DEFAULT NULL,
  `migration_id` bigint DEFAULT NULL,
  PRIMARY KEY (`entity_type`, `name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A brain's recommended list view, kept as a saved filter of the CRM tab (columns and criteria as JSON).
CREATE TABLE `max_saved_view` (
  `id` varchar(140) NOT NULL,
  `entity_type` varchar(100) NOT NULL,
  `label_fr` varchar(255) NOT NULL,
  `label_en` varchar(255) NOT NULL,
  `columns_json` mediumtext NOT NULL,
  `filters_json` mediumtext NOT NULL,
  `brain_id` varchar(64) DEFAULT NULL,
  `migration_id` bigint DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
