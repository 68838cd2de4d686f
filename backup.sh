#!/usr/bin/env bash
# Backs up the embedded database of ./data (or $MARUGOTO_DATA_DIR) into one file, also while Marugoto runs.
# Usage: ./backup.sh FILE        (restore with ./restore.sh FILE; see docs/operations.md)
set -euo pipefail
cd "$(dirname "$0")"
[ $# -eq 1 ] || { echo "usage: $0 FILE" >&2; exit 2; }
file="$(realpath -m "$1")"
# the file goes through the environment: Maven would split a path with spaces into several arguments
MARUGOTO_BACKUP_FILE="$file" exec ./mvnw -q -B spring-boot:run -Dspring-boot.run.arguments=backup
