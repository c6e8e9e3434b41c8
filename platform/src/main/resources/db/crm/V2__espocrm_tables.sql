-- EspoCRM-compatible tenant CRM tables (reference espocrm.md §1.9-§1.10): EspoCRM's table and column names, types
-- and defaults; VARCHAR(17) ids, `deleted` soft delete, snake_case, link tables with BIGINT AUTO_INCREMENT ids.
-- MaCréa's base adds the multiEnum `c_tags` (JSON array in MEDIUMTEXT + one `array_value` row per value).
-- Secondary indexes are separate CREATE INDEX statements (jOOQ's DDL parser and H2 refuse inline KEYs);
-- inline UNIQUE KEYs are fine. Full-text indexes are MariaDB/MySQL only: created by code (see docs/crm.md).

CREATE TABLE `account` (
  `id` varchar(17) NOT NULL,
  `name` varchar(249) DEFAULT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  `website` varchar(255) DEFAULT NULL,
  `type` varchar(255) DEFAULT NULL,
  `industry` varchar(255) DEFAULT NULL,
  `sic_code` varchar(40) DEFAULT NULL,
  `billing_address_street` varchar(255) DEFAULT NULL,
  `billing_address_city` varchar(255) DEFAULT NULL,
  `billing_address_state` varchar(255) DEFAULT NULL,
  `billing_address_country` varchar(255) DEFAULT NULL,
  `billing_address_postal_code` varchar(40) DEFAULT NULL,
  `shipping_address_street` varchar(255) DEFAULT NULL,
  `shipping_address_city` varchar(255) DEFAULT NULL,
  `shipping_address_state` varchar(255) DEFAULT NULL,
  `shipping_address_country` varchar(255) DEFAULT NULL,
  `shipping_address_postal_code` varchar(40) DEFAULT NULL,
  `description` mediumtext DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `modified_at` datetime DEFAULT NULL,
  `version_number` bigint DEFAULT NULL,
  `created_by_id` varchar(17) DEFAULT NULL,
  `modified_by_id` varchar(17) DEFAULT NULL,
  `assigned_user_id` varchar(17) DEFAULT NULL,
  `campaign_id` varchar(17) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_ACCOUNT_CREATED_AT_ID` (`created_at`, `id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_ACCOUNT_NAME` ON `account` (`name`, `deleted`);
CREATE INDEX `IDX_ACCOUNT_ASSIGNED_USER` ON `account` (`assigned_user_id`, `deleted`);
CREATE INDEX `IDX_ACCOUNT_MODIFIED_AT_ID` ON `account` (`modified_at`, `id`);
CREATE INDEX `IDX_ACCOUNT_CAMPAIGN_ID` ON `account` (`campaign_id`);

CREATE TABLE `lead` (
  `id` varchar(17) NOT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  `salutation_name` varchar(255) DEFAULT NULL,
  `first_name` varchar(100) DEFAULT NULL,
  `last_name` varchar(100) DEFAULT NULL,
  `title` varchar(100) DEFAULT NULL,
  `status` varchar(255) DEFAULT 'New',
  `source` varchar(255) DEFAULT NULL,
  `industry` varchar(255) DEFAULT NULL,
  `opportunity_amount` double DEFAULT NULL,
  `website` varchar(255) DEFAULT NULL,
  `address_street` varchar(255) DEFAULT NULL,
  `address_city` varchar(255) DEFAULT NULL,
  `address_state` varchar(255) DEFAULT NULL,
  `address_country` varchar(255) DEFAULT NULL,
  `address_postal_code` varchar(40) DEFAULT NULL,
  `do_not_call` tinyint(1) NOT NULL DEFAULT 0,
  `description` mediumtext DEFAULT NULL,
  `converted_at` datetime DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `modified_at` datetime DEFAULT NULL,
  `account_name` varchar(255) DEFAULT NULL,
  `middle_name` varchar(100) DEFAULT NULL,
  `opportunity_amount_currency` varchar(3) DEFAULT NULL,
  `created_by_id` varchar(17) DEFAULT NULL,
  `modified_by_id` varchar(17) DEFAULT NULL,
  `assigned_user_id` varchar(17) DEFAULT NULL,
  `campaign_id` varchar(17) DEFAULT NULL,
  `created_account_id` varchar(17) DEFAULT NULL,
  `created_contact_id` varchar(17) DEFAULT NULL,
  `created_opportunity_id` varchar(17) DEFAULT NULL,
  `c_tags` mediumtext DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_LEAD_CREATED_AT_ID` (`created_at`, `id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_LEAD_FIRST_NAME` ON `lead` (`first_name`, `deleted`);
CREATE INDEX `IDX_LEAD_NAME` ON `lead` (`first_name`, `last_name`);
CREATE INDEX `IDX_LEAD_LAST_NAME` ON `lead` (`last_name`, `deleted`);
CREATE INDEX `IDX_LEAD_STATUS` ON `lead` (`status`, `deleted`);
CREATE INDEX `IDX_LEAD_SOURCE` ON `lead` (`source`, `deleted`);
CREATE INDEX `IDX_LEAD_CREATED_AT` ON `lead` (`created_at`, `deleted`);
CREATE INDEX `IDX_LEAD_CREATED_AT_STATUS` ON `lead` (`created_at`, `status`);
CREATE INDEX `IDX_LEAD_MODIFIED_AT_ID` ON `lead` (`modified_at`, `id`);
CREATE INDEX `IDX_LEAD_ASSIGNED_USER` ON `lead` (`assigned_user_id`, `deleted`);
CREATE INDEX `IDX_LEAD_ASSIGNED_USER_STATUS` ON `lead` (`assigned_user_id`, `status`);
CREATE INDEX `IDX_LEAD_CREATED_BY_ID` ON `lead` (`created_by_id`);
CREATE INDEX `IDX_LEAD_MODIFIED_BY_ID` ON `lead` (`modified_by_id`);
CREATE INDEX `IDX_LEAD_CAMPAIGN_ID` ON `lead` (`campaign_id`);
CREATE INDEX `IDX_LEAD_CREATED_ACCOUNT_ID` ON `lead` (`created_account_id`);
CREATE INDEX `IDX_LEAD_CREATED_CONTACT_ID` ON `lead` (`created_contact_id`);
CREATE INDEX `IDX_LEAD_CREATED_OPPORTUNITY_ID` ON `lead` (`created_opportunity_id`);
CREATE INDEX `IDX_LEAD_ADDRESS_CITY` ON `lead` (`address_city`, `deleted`);

CREATE TABLE `contact` (
  `id` varchar(17) NOT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  `salutation_name` varchar(255) DEFAULT NULL,
  `first_name` varchar(100) DEFAULT NULL,
  `last_name` varchar(100) DEFAULT NULL,
  `middle_name` varchar(100) DEFAULT NULL,
  `description` mediumtext DEFAULT NULL,
  `do_not_call` tinyint(1) NOT NULL DEFAULT 0,
  `address_street` varchar(255) DEFAULT NULL,
  `address_city` varchar(255) DEFAULT NULL,
  `address_state` varchar(255) DEFAULT NULL,
  `address_country` varchar(255) DEFAULT NULL,
  `address_postal_code` varchar(40) DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `modified_at` datetime DEFAULT NULL,
  `account_id` varchar(17) DEFAULT NULL,
  `campaign_id` varchar(17) DEFAULT NULL,
  `created_by_id` varchar(17) DEFAULT NULL,
  `modified_by_id` varchar(17) DEFAULT NULL,
  `assigned_user_id` varchar(17) DEFAULT NULL,
  `original_lead_id` varchar(17) DEFAULT NULL,
  `c_tags` mediumtext DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_CONTACT_CREATED_AT_ID` (`created_at`, `id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_CONTACT_FIRST_NAME` ON `contact` (`first_name`, `deleted`);
CREATE INDEX `IDX_CONTACT_NAME` ON `contact` (`first_name`, `last_name`);
CREATE INDEX `IDX_CONTACT_LAST_NAME` ON `contact` (`last_name`, `deleted`);
CREATE INDEX `IDX_CONTACT_CREATED_AT` ON `contact` (`created_at`, `deleted`);
CREATE INDEX `IDX_CONTACT_MODIFIED_AT_ID` ON `contact` (`modified_at`, `id`);
CREATE INDEX `IDX_CONTACT_ASSIGNED_USER` ON `contact` (`assigned_user_id`, `deleted`);
CREATE INDEX `IDX_CONTACT_ACCOUNT_ID` ON `contact` (`account_id`);
CREATE INDEX `IDX_CONTACT_CAMPAIGN_ID` ON `contact` (`campaign_id`);
CREATE INDEX `IDX_CONTACT_CREATED_BY_ID` ON `contact` (`created_by_id`);
CREATE INDEX `IDX_CONTACT_MODIFIED_BY_ID` ON `contact` (`modified_by_id`);
CREATE INDEX `IDX_CONTACT_ORIGINAL_LEAD_ID` ON `contact` (`original_lead_id`);

CREATE TABLE `account_contact` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `account_id` varchar(17) DEFAULT NULL,
  `contact_id` varchar(17) DEFAULT NULL,
  `role` varchar(100) DEFAULT NULL,
  `is_inactive` tinyint(1) DEFAULT 0,
  `deleted` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_ACCOUNT_ID_CONTACT_ID` (`account_id`, `contact_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_ACCOUNT_CONTACT_CONTACT_ID` ON `account_contact` (`contact_id`);

CREATE TABLE `campaign` (
  `id` varchar(17) NOT NULL,
  `name` varchar(255) DEFAULT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  `status` varchar(255) DEFAULT 'Planning',
  `type` varchar(255) DEFAULT 'Email',
  `start_date` date DEFAULT NULL,
  `end_date` date DEFAULT NULL,
  `description` mediumtext DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `modified_at` datetime DEFAULT NULL,
  `budget` double DEFAULT NULL,
  `mail_merge_only_with_address` tinyint(1) NOT NULL DEFAULT 1,
  `budget_currency` varchar(3) DEFAULT NULL,
  `created_by_id` varchar(17) DEFAULT NULL,
  `modified_by_id` varchar(17) DEFAULT NULL,
  `assigned_user_id` varchar(17) DEFAULT NULL,
  `contacts_template_id` varchar(17) DEFAULT NULL,
  `leads_template_id` varchar(17) DEFAULT NULL,
  `accounts_template_id` varchar(17) DEFAULT NULL,
  `users_template_id` varchar(17) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_CAMPAIGN_STATUS` ON `campaign` (`status`, `deleted`);
CREATE INDEX `IDX_CAMPAIGN_CREATED_AT` ON `campaign` (`created_at`, `deleted`);
CREATE INDEX `IDX_CAMPAIGN_MODIFIED_AT_ID` ON `campaign` (`modified_at`, `id`);
CREATE INDEX `IDX_CAMPAIGN_ASSIGNED_USER_ID` ON `campaign` (`assigned_user_id`);

CREATE TABLE `campaign_log_record` (
  `id` varchar(17) NOT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  `action` varchar(255) DEFAULT NULL,
  `action_date` datetime DEFAULT NULL,
  `data` mediumtext DEFAULT NULL,
  `string_data` varchar(100) DEFAULT NULL,
  `string_additional_data` varchar(100) DEFAULT NULL,
  `application` varchar(36) DEFAULT 'Espo',
  `created_at` datetime DEFAULT NULL,
  `is_test` tinyint(1) NOT NULL DEFAULT 0,
  `created_by_id` varchar(17) DEFAULT NULL,
  `campaign_id` varchar(17) DEFAULT NULL,
  `parent_id` varchar(17) DEFAULT NULL,
  `parent_type` varchar(100) DEFAULT NULL,
  `object_id` varchar(17) DEFAULT NULL,
  `object_type` varchar(100) DEFAULT NULL,
  `queue_item_id` varchar(17) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_CAMPAIGN_LOG_RECORD_ACTION_DATE` ON `campaign_log_record` (`action_date`, `deleted`);
CREATE INDEX `IDX_CAMPAIGN_LOG_RECORD_ACTION` ON `campaign_log_record` (`action`, `deleted`);
CREATE INDEX `IDX_CAMPAIGN_LOG_RECORD_CAMPAIGN_ACTION` ON `campaign_log_record` (`campaign_id`, `action`, `deleted`);
CREATE INDEX `IDX_CAMPAIGN_LOG_RECORD_PARENT` ON `campaign_log_record` (`parent_id`, `parent_type`);
CREATE INDEX `IDX_CAMPAIGN_LOG_RECORD_OBJECT` ON `campaign_log_record` (`object_id`, `object_type`);
CREATE INDEX `IDX_CAMPAIGN_LOG_RECORD_CREATED_AT_ID` ON `campaign_log_record` (`created_at`, `id`);
CREATE INDEX `IDX_CAMPAIGN_LOG_RECORD_QUEUE_ITEM_ID` ON `campaign_log_record` (`queue_item_id`);

CREATE TABLE `target_list` (
  `id` varchar(17) NOT NULL,
  `name` varchar(255) DEFAULT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  `description` mediumtext DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `modified_at` datetime DEFAULT NULL,
  `category_id` varchar(17) DEFAULT NULL,
  `created_by_id` varchar(17) DEFAULT NULL,
  `modified_by_id` varchar(17) DEFAULT NULL,
  `assigned_user_id` varchar(17) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_TARGET_LIST_CREATED_AT` ON `target_list` (`created_at`, `deleted`);
CREATE INDEX `IDX_TARGET_LIST_CATEGORY_ID` ON `target_list` (`category_id`);
CREATE INDEX `IDX_TARGET_LIST_ASSIGNED_USER_ID` ON `target_list` (`assigned_user_id`);

CREATE TABLE `lead_target_list` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `lead_id` varchar(17) DEFAULT NULL,
  `target_list_id` varchar(17) DEFAULT NULL,
  `opted_out` tinyint(1) DEFAULT 0,
  `deleted` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_LEAD_ID_TARGET_LIST_ID` (`lead_id`, `target_list_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_LEAD_TARGET_LIST_TARGET_LIST_ID` ON `lead_target_list` (`target_list_id`);

CREATE TABLE `contact_target_list` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `contact_id` varchar(17) DEFAULT NULL,
  `target_list_id` varchar(17) DEFAULT NULL,
  `opted_out` tinyint(1) DEFAULT 0,
  `deleted` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_CONTACT_ID_TARGET_LIST_ID` (`contact_id`, `target_list_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_CONTACT_TARGET_LIST_TARGET_LIST_ID` ON `contact_target_list` (`target_list_id`);

CREATE TABLE `account_target_list` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `account_id` varchar(17) DEFAULT NULL,
  `target_list_id` varchar(17) DEFAULT NULL,
  `opted_out` tinyint(1) DEFAULT 0,
  `deleted` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_ACCOUNT_ID_TARGET_LIST_ID` (`account_id`, `target_list_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_ACCOUNT_TARGET_LIST_TARGET_LIST_ID` ON `account_target_list` (`target_list_id`);

CREATE TABLE `campaign_target_list` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `campaign_id` varchar(17) DEFAULT NULL,
  `target_list_id` varchar(17) DEFAULT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_CAMPAIGN_ID_TARGET_LIST_ID` (`campaign_id`, `target_list_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_CAMPAIGN_TARGET_LIST_TARGET_LIST_ID` ON `campaign_target_list` (`target_list_id`);

CREATE TABLE `email_template_category` (
  `id` varchar(17) NOT NULL,
  `name` varchar(255) DEFAULT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  `description` mediumtext DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `modified_at` datetime DEFAULT NULL,
  `order` int DEFAULT NULL,
  `created_by_id` varchar(17) DEFAULT NULL,
  `modified_by_id` varchar(17) DEFAULT NULL,
  `parent_id` varchar(17) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_EMAIL_TEMPLATE_CATEGORY_PARENT_ID` ON `email_template_category` (`parent_id`);

CREATE TABLE `email_template_category_path` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `ascendor_id` varchar(17) DEFAULT NULL,
  `descendor_id` varchar(17) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_EMAIL_TEMPLATE_CATEGORY_PATH_ASCENDOR_ID` ON `email_template_category_path` (`ascendor_id`);
CREATE INDEX `IDX_EMAIL_TEMPLATE_CATEGORY_PATH_DESCENDOR_ID` ON `email_template_category_path` (`descendor_id`);

CREATE TABLE `email_template` (
  `id` varchar(17) NOT NULL,
  `name` varchar(255) DEFAULT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  `subject` varchar(255) DEFAULT NULL,
  `body` mediumtext DEFAULT NULL,
  `is_html` tinyint(1) NOT NULL DEFAULT 1,
  `status` varchar(255) DEFAULT 'Active',
  `one_off` tinyint(1) NOT NULL DEFAULT 0,
  `created_at` datetime DEFAULT NULL,
  `modified_at` datetime DEFAULT NULL,
  `category_id` varchar(17) DEFAULT NULL,
  `assigned_user_id` varchar(17) DEFAULT NULL,
  `created_by_id` varchar(17) DEFAULT NULL,
  `modified_by_id` varchar(17) DEFAULT NULL,
  `version_number` bigint DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_EMAIL_TEMPLATE_CATEGORY_ID` ON `email_template` (`category_id`);
CREATE INDEX `IDX_EMAIL_TEMPLATE_NAME` ON `email_template` (`name`, `deleted`);
CREATE INDEX `IDX_EMAIL_TEMPLATE_MODIFIED_AT_ID` ON `email_template` (`modified_at`, `id`);
CREATE INDEX `IDX_EMAIL_TEMPLATE_ASSIGNED_USER_ID` ON `email_template` (`assigned_user_id`);

CREATE TABLE `email` (
  `id` varchar(17) NOT NULL,
  `name` varchar(255) DEFAULT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  `from_name` varchar(255) DEFAULT NULL,
  `from_string` varchar(255) DEFAULT NULL,
  `reply_to_string` varchar(255) DEFAULT NULL,
  `address_name_map` mediumtext DEFAULT NULL,
  `is_replied` tinyint(1) NOT NULL DEFAULT 0,
  `message_id` varchar(255) DEFAULT NULL,
  `message_id_internal` varchar(300) DEFAULT NULL,
  `body_plain` mediumtext DEFAULT NULL,
  `body` mediumtext DEFAULT NULL,
  `is_html` tinyint(1) NOT NULL DEFAULT 1,
  `status` varchar(255) DEFAULT 'Archived',
  `has_attachment` tinyint(1) NOT NULL DEFAULT 0,
  `date_sent` datetime DEFAULT NULL,
  `delivery_date` datetime DEFAULT NULL,
  `send_at` datetime DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `modified_at` datetime DEFAULT NULL,
  `is_system` tinyint(1) NOT NULL DEFAULT 0,
  `parent_id` varchar(17) DEFAULT NULL,
  `parent_type` varchar(100) DEFAULT NULL,
  `from_email_address_id` varchar(17) DEFAULT NULL,
  `created_by_id` varchar(17) DEFAULT NULL,
  `sent_by_id` varchar(17) DEFAULT NULL,
  `modified_by_id` varchar(17) DEFAULT NULL,
  `assigned_user_id` varchar(17) DEFAULT NULL,
  `replied_id` varchar(17) DEFAULT NULL,
  `account_id` varchar(17) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_EMAIL_DATE_SENT` ON `email` (`date_sent`, `deleted`);
CREATE INDEX `IDX_EMAIL_DATE_SENT_STATUS` ON `email` (`date_sent`, `status`, `deleted`);
CREATE INDEX `IDX_EMAIL_PARENT` ON `email` (`parent_id`, `parent_type`);
CREATE INDEX `IDX_EMAIL_MESSAGE_ID` ON `email` (`message_id`);
CREATE INDEX `IDX_EMAIL_CREATED_AT_ID` ON `email` (`created_at`, `id`);
CREATE INDEX `IDX_EMAIL_MODIFIED_AT_ID` ON `email` (`modified_at`, `id`);
CREATE INDEX `IDX_EMAIL_ASSIGNED_USER_ID` ON `email` (`assigned_user_id`);
CREATE INDEX `IDX_EMAIL_ACCOUNT_ID` ON `email` (`account_id`);
CREATE INDEX `IDX_EMAIL_FROM_EMAIL_ADDRESS_ID` ON `email` (`from_email_address_id`);

CREATE TABLE `email_email_address` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `email_id` varchar(17) DEFAULT NULL,
  `email_address_id` varchar(17) DEFAULT NULL,
  `address_type` varchar(4) DEFAULT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_EMAIL_ID_EMAIL_ADDRESS_ID_ADDRESS_TYPE` (`email_id`, `email_address_id`, `address_type`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_EMAIL_EMAIL_ADDRESS_EMAIL_ADDRESS_ID` ON `email_email_address` (`email_address_id`);

CREATE TABLE `call` (
  `id` varchar(17) NOT NULL,
  `name` varchar(255) DEFAULT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  `status` varchar(255) DEFAULT 'Planned',
  `date_start` datetime DEFAULT NULL,
  `date_end` datetime DEFAULT NULL,
  `direction` varchar(255) DEFAULT 'Outbound',
  `description` mediumtext DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `modified_at` datetime DEFAULT NULL,
  `parent_id` varchar(17) DEFAULT NULL,
  `parent_type` varchar(100) DEFAULT NULL,
  `account_id` varchar(17) DEFAULT NULL,
  `created_by_id` varchar(17) DEFAULT NULL,
  `modified_by_id` varchar(17) DEFAULT NULL,
  `assigned_user_id` varchar(17) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_CALL_DATE_START_STATUS` ON `call` (`date_start`, `status`);
CREATE INDEX `IDX_CALL_DATE_START` ON `call` (`date_start`, `deleted`);
CREATE INDEX `IDX_CALL_STATUS` ON `call` (`status`, `deleted`);
CREATE INDEX `IDX_CALL_ASSIGNED_USER` ON `call` (`assigned_user_id`, `deleted`);
CREATE INDEX `IDX_CALL_ASSIGNED_USER_STATUS` ON `call` (`assigned_user_id`, `status`);
CREATE INDEX `IDX_CALL_PARENT` ON `call` (`parent_id`, `parent_type`);
CREATE INDEX `IDX_CALL_CREATED_AT_ID` ON `call` (`created_at`, `id`);
CREATE INDEX `IDX_CALL_MODIFIED_AT_ID` ON `call` (`modified_at`, `id`);
CREATE INDEX `IDX_CALL_ACCOUNT_ID` ON `call` (`account_id`);

CREATE TABLE `call_contact` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `call_id` varchar(17) DEFAULT NULL,
  `contact_id` varchar(17) DEFAULT NULL,
  `status` varchar(36) DEFAULT 'None',
  `deleted` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_CALL_ID_CONTACT_ID` (`call_id`, `contact_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_CALL_CONTACT_CONTACT_ID` ON `call_contact` (`contact_id`);

CREATE TABLE `call_lead` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `call_id` varchar(17) DEFAULT NULL,
  `lead_id` varchar(17) DEFAULT NULL,
  `status` varchar(36) DEFAULT 'None',
  `deleted` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_CALL_ID_LEAD_ID` (`call_id`, `lead_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_CALL_LEAD_LEAD_ID` ON `call_lead` (`lead_id`);

CREATE TABLE `call_user` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `call_id` varchar(17) DEFAULT NULL,
  `user_id` varchar(17) DEFAULT NULL,
  `status` varchar(36) DEFAULT 'None',
  `deleted` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_CALL_ID_USER_ID` (`call_id`, `user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_CALL_USER_USER_ID` ON `call_user` (`user_id`);

CREATE TABLE `meeting` (
  `id` varchar(17) NOT NULL,
  `name` varchar(255) DEFAULT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  `status` varchar(255) DEFAULT 'Planned',
  `date_start` datetime DEFAULT NULL,
  `date_end` datetime DEFAULT NULL,
  `is_all_day` tinyint(1) NOT NULL DEFAULT 0,
  `description` mediumtext DEFAULT NULL,
  `join_url` varchar(320) DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `date_start_date` date DEFAULT NULL,
  `date_end_date` date DEFAULT NULL,
  `modified_at` datetime DEFAULT NULL,
  `parent_id` varchar(17) DEFAULT NULL,
  `parent_type` varchar(100) DEFAULT NULL,
  `account_id` varchar(17) DEFAULT NULL,
  `created_by_id` varchar(17) DEFAULT NULL,
  `modified_by_id` varchar(17) DEFAULT NULL,
  `assigned_user_id` varchar(17) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_MEETING_DATE_START_STATUS` ON `meeting` (`date_start`, `status`);
CREATE INDEX `IDX_MEETING_DATE_START` ON `meeting` (`date_start`, `deleted`);
CREATE INDEX `IDX_MEETING_STATUS` ON `meeting` (`status`, `deleted`);
CREATE INDEX `IDX_MEETING_ASSIGNED_USER` ON `meeting` (`assigned_user_id`, `deleted`);
CREATE INDEX `IDX_MEETING_ASSIGNED_USER_STATUS` ON `meeting` (`assigned_user_id`, `status`);
CREATE INDEX `IDX_MEETING_PARENT` ON `meeting` (`parent_id`, `parent_type`);
CREATE INDEX `IDX_MEETING_CREATED_AT_ID` ON `meeting` (`created_at`, `id`);
CREATE INDEX `IDX_MEETING_MODIFIED_AT_ID` ON `meeting` (`modified_at`, `id`);
CREATE INDEX `IDX_MEETING_ACCOUNT_ID` ON `meeting` (`account_id`);

CREATE TABLE `meeting_contact` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `meeting_id` varchar(17) DEFAULT NULL,
  `contact_id` varchar(17) DEFAULT NULL,
  `status` varchar(36) DEFAULT 'None',
  `deleted` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_MEETING_ID_CONTACT_ID` (`meeting_id`, `contact_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_MEETING_CONTACT_CONTACT_ID` ON `meeting_contact` (`contact_id`);

CREATE TABLE `meeting_lead` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `meeting_id` varchar(17) DEFAULT NULL,
  `lead_id` varchar(17) DEFAULT NULL,
  `status` varchar(36) DEFAULT 'None',
  `deleted` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_MEETING_ID_LEAD_ID` (`meeting_id`, `lead_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_MEETING_LEAD_LEAD_ID` ON `meeting_lead` (`lead_id`);

CREATE TABLE `meeting_user` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `meeting_id` varchar(17) DEFAULT NULL,
  `user_id` varchar(17) DEFAULT NULL,
  `status` varchar(36) DEFAULT 'None',
  `deleted` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_MEETING_ID_USER_ID` (`meeting_id`, `user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_MEETING_USER_USER_ID` ON `meeting_user` (`user_id`);

CREATE TABLE `task` (
  `id` varchar(17) NOT NULL,
  `name` varchar(255) DEFAULT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  `status` varchar(255) DEFAULT 'Not Started',
  `priority` varchar(255) DEFAULT 'Normal',
  `date_start` datetime DEFAULT NULL,
  `date_end` datetime DEFAULT NULL,
  `date_start_date` date DEFAULT NULL,
  `date_end_date` date DEFAULT NULL,
  `date_completed` datetime DEFAULT NULL,
  `description` mediumtext DEFAULT NULL,
  `created_at` datetime DEFAULT NULL,
  `modified_at` datetime DEFAULT NULL,
  `version_number` bigint DEFAULT NULL,
  `parent_id` varchar(17) DEFAULT NULL,
  `parent_type` varchar(100) DEFAULT NULL,
  `account_id` varchar(17) DEFAULT NULL,
  `contact_id` varchar(17) DEFAULT NULL,
  `email_id` varchar(17) DEFAULT NULL,
  `created_by_id` varchar(17) DEFAULT NULL,
  `modified_by_id` varchar(17) DEFAULT NULL,
  `assigned_user_id` varchar(17) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_TASK_DATE_START_STATUS` ON `task` (`date_start`, `status`);
CREATE INDEX `IDX_TASK_DATE_END_STATUS` ON `task` (`date_end`, `status`);
CREATE INDEX `IDX_TASK_DATE_START` ON `task` (`date_start`, `deleted`);
CREATE INDEX `IDX_TASK_STATUS` ON `task` (`status`, `deleted`);
CREATE INDEX `IDX_TASK_ASSIGNED_USER` ON `task` (`assigned_user_id`, `deleted`);
CREATE INDEX `IDX_TASK_ASSIGNED_USER_STATUS` ON `task` (`assigned_user_id`, `status`);
CREATE INDEX `IDX_TASK_PARENT` ON `task` (`parent_id`, `parent_type`);
CREATE INDEX `IDX_TASK_CREATED_AT_ID` ON `task` (`created_at`, `id`);
CREATE INDEX `IDX_TASK_MODIFIED_AT_ID` ON `task` (`modified_at`, `id`);
CREATE INDEX `IDX_TASK_ACCOUNT_ID` ON `task` (`account_id`);
CREATE INDEX `IDX_TASK_CONTACT_ID` ON `task` (`contact_id`);
CREATE INDEX `IDX_TASK_EMAIL_ID` ON `task` (`email_id`);

CREATE TABLE `note` (
  `id` varchar(17) NOT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  `post` mediumtext DEFAULT NULL,
  `data` mediumtext DEFAULT NULL,
  `type` varchar(24) DEFAULT NULL,
  `target_type` varchar(7) DEFAULT NULL,
  `number` int NOT NULL AUTO_INCREMENT,
  `is_global` tinyint(1) NOT NULL DEFAULT 0,
  `is_internal` tinyint(1) NOT NULL DEFAULT 0,
  `is_pinned` tinyint(1) NOT NULL DEFAULT 0,
  `created_at` datetime DEFAULT NULL,
  `modified_at` datetime DEFAULT NULL,
  `parent_id` varchar(17) DEFAULT NULL,
  `parent_type` varchar(100) DEFAULT NULL,
  `related_id` varchar(17) DEFAULT NULL,
  `related_type` varchar(100) DEFAULT NULL,
  `super_parent_id` varchar(17) DEFAULT NULL,
  `super_parent_type` varchar(100) DEFAULT NULL,
  `created_by_id` varchar(17) DEFAULT NULL,
  `modified_by_id` varchar(17) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_NOTE_NUMBER` (`number`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_NOTE_CREATED_AT` ON `note` (`created_at`);
CREATE INDEX `IDX_NOTE_CREATED_BY_NUMBER` ON `note` (`created_by_id`, `number`);
CREATE INDEX `IDX_NOTE_TYPE` ON `note` (`type`);
CREATE INDEX `IDX_NOTE_PARENT` ON `note` (`parent_id`, `parent_type`);
CREATE INDEX `IDX_NOTE_PARENT_TYPE_CREATED_AT` ON `note` (`parent_type`, `parent_id`, `created_at`);
CREATE INDEX `IDX_NOTE_RELATED` ON `note` (`related_id`, `related_type`);
CREATE INDEX `IDX_NOTE_SUPER_PARENT` ON `note` (`super_parent_id`, `super_parent_type`);
CREATE INDEX `IDX_NOTE_CREATED_AT_ID` ON `note` (`created_at`, `id`);

CREATE TABLE `email_address` (
  `id` varchar(17) NOT NULL,
  `name` varchar(255) DEFAULT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  `lower` varchar(255) DEFAULT NULL,
  `invalid` tinyint(1) NOT NULL DEFAULT 0,
  `opt_out` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_EMAIL_ADDRESS_LOWER` ON `email_address` (`lower`);

CREATE TABLE `entity_email_address` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `entity_id` varchar(17) DEFAULT NULL,
  `email_address_id` varchar(17) DEFAULT NULL,
  `entity_type` varchar(100) DEFAULT NULL,
  `primary` tinyint(1) DEFAULT 0,
  `deleted` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_ENTITY_ID_EMAIL_ADDRESS_ID_ENTITY_TYPE` (`entity_id`, `email_address_id`, `entity_type`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_ENTITY_EMAIL_ADDRESS_ENTITY_ID` ON `entity_email_address` (`entity_id`);
CREATE INDEX `IDX_ENTITY_EMAIL_ADDRESS_EMAIL_ADDRESS_ID` ON `entity_email_address` (`email_address_id`);

CREATE TABLE `phone_number` (
  `id` varchar(17) NOT NULL,
  `name` varchar(36) DEFAULT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  `type` varchar(255) DEFAULT NULL,
  `numeric` varchar(36) DEFAULT NULL,
  `invalid` tinyint(1) NOT NULL DEFAULT 0,
  `opt_out` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_PHONE_NUMBER_NAME` ON `phone_number` (`name`);
CREATE INDEX `IDX_PHONE_NUMBER_NUMERIC` ON `phone_number` (`numeric`);

CREATE TABLE `entity_phone_number` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `entity_id` varchar(17) DEFAULT NULL,
  `phone_number_id` varchar(17) DEFAULT NULL,
  `entity_type` varchar(100) DEFAULT NULL,
  `primary` tinyint(1) DEFAULT 0,
  `deleted` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `UNIQ_ENTITY_ID_PHONE_NUMBER_ID_ENTITY_TYPE` (`entity_id`, `phone_number_id`, `entity_type`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_ENTITY_PHONE_NUMBER_ENTITY_ID` ON `entity_phone_number` (`entity_id`);
CREATE INDEX `IDX_ENTITY_PHONE_NUMBER_PHONE_NUMBER_ID` ON `entity_phone_number` (`phone_number_id`);

CREATE TABLE `array_value` (
  `id` varchar(17) NOT NULL,
  `deleted` tinyint(1) DEFAULT 0,
  `value` varchar(100) DEFAULT NULL,
  `attribute` varchar(100) DEFAULT NULL,
  `entity_id` varchar(17) DEFAULT NULL,
  `entity_type` varchar(100) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX `IDX_ARRAY_VALUE_ENTITY_VALUE` ON `array_value` (`entity_type`, `attribute`, `value`, `deleted`);
CREATE INDEX `IDX_ARRAY_VALUE_ENTITY` ON `array_value` (`entity_id`, `entity_type`, `attribute`);
