#!/usr/bin/env bash
# Installs (if needed) and starts MariaDB and Redis on loopback, creates the test database and a
# password user for TCP connections, and prints the TEST_DATABASE_URL / TEST_REDIS_URL to use.
# Used by .ci/run and by developers who want the full suite locally.
set -euo pipefail

DB_NAME=${DB_NAME:-geres_test}
DB_USER=${DB_USER:-geres}
DB_PASS=${DB_PASS:-geres}

need=()
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || need+=(mariadb-server)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v xmlsec1 >/dev/null 2>&1 || need+=(xmlsec1)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
if ! mariadb -uroot -e 'select 1' >/dev/null 2>&1; then
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
fi
for _ in $(seq 1 60); do
  mariadb -uroot -e 'select 1' >/dev/null 2>&1 && break
  sleep 1
done
mariadb -uroot -e 'select 1' >/dev/null
mariadb -uroot <<SQL
CREATE DATABASE IF NOT EXISTS \`${DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${DB_USER}'@'127.0.0.1' IDENTIFIED BY '${DB_PASS}';
CREATE USER IF NOT EXISTS '${DB_USER}'@'localhost' IDENTIFIED BY '${DB_PASS}';
GRANT ALL PRIVILEGES ON \`geres%\`.* TO '${DB_USER}'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`geres%\`.* TO '${DB_USER}'@'localhost';
FLUSH PRIVILEGES;
SQL
for _ in $(seq 1 30); do
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break
  sleep 1
done
echo "TEST_DATABASE_URL=mysql://${DB_USER}:${DB_PASS}@127.0.0.1:3306/${DB_NAME}"
echo "TEST_REDIS_URL=redis://127.0.0.1:6379/1"
