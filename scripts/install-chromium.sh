#!/usr/bin/env bash
# Installs Debian's Chromium (the browser the e2e tests and the demo drive) when it is missing.
# Used by the README's two commands and by .ci/run. Never downloads a browser build of its own.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  /usr/bin/chromium --version
  exit 0
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium openssl > /dev/null
/usr/bin/chromium --version
