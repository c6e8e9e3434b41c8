package fr.macrea.max.tenant;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded default: tenant CRM schemas are created by the same migrations on H2 in MySQL mode. */
class CrmSchemaProvisionerH2Test {

    @Test
    void createsEachTenantSchemaWithTheCrmTablesAndUpgradesItIdempotently() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:provisioning;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        CrmSchemaProvisioner provisioner = new CrmSchemaProvisioner(h2);

        provisioner.migrate("crm_qmix_paris");
        provisioner.migrate("crm_atelier_zen");
        provisioner.migrate("crm_qmix_paris");

        try (Connection c = h2.getConnection()) {
            assertThat(tableExists(c, "crm_qmix_paris", "user")).isTrue();
            assertThat(tableExists(c, "crm_atelier_zen", "user")).isTrue();
            c.createStatement().execute("INSERT INTO `crm_qmix_paris`.`user` (id, user_name) VALUES ('6b04cdaec6a7236b7', 'marie')");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM `crm_atelier_zen`.`user`")) {
                rs.next();
                assertThat(rs.getInt(1)).as("schemas are separate").isZero();
            }
        }
    }

    @Test
    void refusesASchemaNameThatIsNotAPlainIdentifier() {
        CrmSchemaProvisioner provisioner = new CrmSchemaProvisioner(new JdbcDataSource());
        assertThatThrownBy(() -> provisioner.migrate("crm_x`; DROP DATABASE max; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean tableExists(Connection c, String schema, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, schema, table, null)) {
            return rs.next();
        }
    }
}
