-- Tenant CRM schema (crm_<slug>), EspoCRM-compatible table and column names.
-- Secondary indexes are separate CREATE INDEX statements: jOOQ's DDL parser (codegen) and H2 refuse inline KEYs.
-- The CRM issue completes it; this first version holds EspoCRM's user table so the schema is never empty.
CREATE TABLE `user` (
  `id` varchar(17) NOT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  `user_name` varchar(50) DEFAULT NULL,
  `type` varchar(24) DEFAULT 'regular',
  `first_name` varchar(100) DEFAULT NULL,
  `last_name` varchar(100) DEFAULT NULL,
  `is_active` tinyint(1) NOT NULL DEFAULT 1,
  `created_at` datetime DEFAULT NULL,
  `modified_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_USER_NAME` ON `user` (`user_name`, `deleted`);
