#!/usr/bin/env bash
# Runs every test: unit, service tests on an embedded PostgreSQL, MockMvc and headless browser tests.
# Installs Debian's chromium and chromium-driver first when they are missing (browser tests never download a browser).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "Installing chromium and chromium-driver for the browser tests..."
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
exec ./mvnw -B verify "$@"
