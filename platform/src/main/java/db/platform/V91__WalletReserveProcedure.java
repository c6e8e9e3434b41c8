package db.platform;

import db.MigrationDatabase;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * The wallet's reservation in ONE round trip on MariaDB/MySQL (issue 15): a stored procedure inserts a batch of
 * HELD reservations and their RESERVE ledger lines, then runs the conditional update of the hot wallet row, commits
 * only if that update covered the whole batch (otherwise rolls everything back), and answers the new reservation
 * ids with the wallet row as it now is. The row lock is taken last and released at the procedure's COMMIT, with no
 * client round trip in between. Any error (a request key already used) rolls back and is raised again, so the
 * caller falls back to one transaction per reservation, as on H2, where this migration does nothing and the same
 * statements run from the application.
 */
public class V91__WalletReserveProcedure extends BaseJavaMigration {

    static final String PROCEDURE = """
            CREATE PROCEDURE wallet_reserve_batch(IN p_tenant BIGINT, IN p_period DATE, IN p_now DATETIME(3),
                                                  IN p_expires DATETIME(3), IN p_items LONGTEXT)
            BEGIN
              DECLARE v_count INT DEFAULT JSON_LENGTH(p_items);
              DECLARE v_i INT DEFAULT 0;
              DECLARE v_total INT DEFAULT 0;
              DECLARE v_amount INT;
              DECLARE v_key VARCHAR(100) CHARACTER SET utf8mb4;
              DECLARE v_reason VARCHAR(255) CHARACTER SET utf8mb4;
              DECLARE v_id BIGINT;
              DECLARE v_ids TEXT CHARACTER SET ascii DEFAULT '';
              DECLARE EXIT HANDLER FOR SQLEXCEPTION
              BEGIN
                ROLLBACK;
                RESIGNAL;
              END;
              START TRANSACTION;
              WHILE v_i < v_count DO
                SET v_key = JSON_UNQUOTE(JSON_EXTRACT(p_items, CONCAT('$[', v_i, '].k')));
                SET v_amount = JSON_EXTRACT(p_items, CONCAT('$[', v_i, '].a'));
                SET v_reason = JSON_UNQUOTE(JSON_EXTRACT(p_items, CONCAT('$[', v_i, '].r')));
                INSERT INTO wallet_reservation (tenant_id, request_key, amount, period_start, status, created_at,
                                                expires_at)
                  VALUES (p_tenant, v_key, v_amount, p_period, 'HELD', p_now, p_expires);
                SET v_id = LAST_INSERT_ID();
                INSERT INTO wallet_ledger (tenant_id, kind, delta, reservation_id, reason, created_at)
                  VALUES (p_tenant, 'RESERVE', -v_amount, v_id, v_reason, p_now);
                SET v_total = v_total + v_amount;
                SET v_ids = CONCAT(v_ids, IF(v_i = 0, '', ','), v_id);
                SET v_i = v_i + 1;
              END WHILE;
              UPDATE wallet SET spent = spent + v_total
                WHERE tenant_id = p_tenant AND period_start = p_period
                  AND spent + v_total <= allowance_tokens + pack_tokens;
              IF ROW_COUNT() = 1 THEN
                COMMIT;
              ELSE
                ROLLBACK;
                SET v_ids = NULL;
              END IF;
              SELECT v_ids AS ids, period_start, allowance_tokens, pack_tokens, spent, notified_80, notified_100
                FROM wallet WHERE tenant_id = p_tenant;
            END""";

    @Override
    public void migrate(Context context) throws Exception {
        if (!MigrationDatabase.isMySqlFamily(context.getConnection())) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("DROP PROCEDURE IF EXISTS wallet_reserve_batch");
            s.execute(PROCEDURE);
        }
    }
}
