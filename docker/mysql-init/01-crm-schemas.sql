-- Tenant CRM schemas are databases named crm_<slug>, created by M.A.X. when a tenant is created.
GRANT ALL PRIVILEGES ON `crm\_%`.* TO 'max'@'%';
FLUSH PRIVILEGES;
