#!/usr/bin/env bash
# Restores a backup made by ./backup.sh into an empty data folder ($MARUGOTO_DATA_DIR, default ./data).
# Usage: MARUGOTO_DATA_DIR=restored ./restore.sh FILE    (see docs/operations.md)
set -euo pipefail
cd "$(dirname "$0")"
[ $# -eq 1 ] || { echo "usage: $0 FILE" >&2; exit 2; }
file="$(realpath -m "$1")"
exec ./mvnw -q -B spring-boot:run -Dspring-boot.run.arguments="restore $file"
