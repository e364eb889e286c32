#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh machine, then runs them.
#   - Debian's Chromium (/usr/bin/chromium) for the end-to-end tests, via apt-get when missing;
#   - Debian's PostgreSQL server binaries for the sync tests (they start a throwaway cluster of
#     their own in a temp folder, on a random port), via apt-get when missing;
#   - the npm packages from the lockfile (better-sqlite3 builds from source for Node; Electron's
#     binary download is skipped, the tests never need it).
set -euo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD=1

if [ ! -x "${KARTOTEKA_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "Installing Debian's Chromium for the end-to-end tests…"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing Debian's PostgreSQL for the sync tests…"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  # The package may create and start a system cluster on port 5432; the tests never use it.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi

npm ci --no-audit --no-fund
npm test
