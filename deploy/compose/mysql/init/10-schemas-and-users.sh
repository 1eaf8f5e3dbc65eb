#!/bin/bash
# Sourced by the mysql image's entrypoint on the first start of an empty data directory (keep it NOT executable:
# a sourced script sees MYSQL_ROOT_PASSWORD and the other environment of the container).
#
# One schema and one user per service (the schema names are each service's credit-suite.database in its
# application.yml), each user allowed its own schema only; Flyway creates the tables when the service starts. The
# prod profile does not create databases (its JDBC URL has no createDatabaseIfNotExist), so they are created here.
# Plus the Seata TC's store (schema seata, tables in 20-seata-server-store.sql).
set -euo pipefail

create_schema() {
  local schema="$1" user="$2" password="$3"
  if [ -z "$password" ]; then
    echo "10-schemas-and-users.sh: no password given for $user (see deploy/compose/.env.example)" >&2
    exit 1
  fi
  mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin;
CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY '${password}';
GRANT ALL PRIVILEGES ON \`${schema}\`.* TO '${user}'@'%';
SQL
}

create_schema cs_credit    cs_credit    "${CS_CREDIT_DB_PASSWORD:-}"
create_schema cs_account   cs_account   "${CS_ACCOUNT_DB_PASSWORD:-}"
create_schema cs_approval  cs_approval  "${CS_APPROVAL_DB_PASSWORD:-}"
create_schema cs_reconcile cs_reconcile "${CS_RECONCILE_DB_PASSWORD:-}"
create_schema cs_gateway   cs_gateway   "${CS_GATEWAY_DB_PASSWORD:-}"
create_schema seata        seata        "${SEATA_DB_PASSWORD:-}"
