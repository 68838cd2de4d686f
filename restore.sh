#!/usr/bin/env bash
# Restores a backup made by ./backup.sh into an empty data folder ($MARUGOTO_DATA_DIR, default ./data).
# Usage: MARUGOTO_DATA_DIR=restored ./restore.sh FILE    (see docs/operations.md)
set -euo pipefail
cd "$(dirname "$0")"
[ $# -eq 1 ] || { echo "usage: $0 FILE" >&2; exit 2; }
file="$(realpath -m "$1")"
# the file goes through the environment: Maven would split a path with spaces into several arguments
MARUGOTO_BACKUP_FILE="$file" exec ./mvnw -q -B spring-boot:run -Dspring-boot.run.arguments=restore
