#!/usr/bin/env bash
# Installs Debian's Chromium (the browser the e2e tests and the demo drive) when it is missing.
# Used by the README's two commands and by .ci/run. Never downloads a browser build of its own.
# Also installs Debian's firefox-esr (the Firefox smoke e2e, npm run test:e2e:firefox) when missing.
set -euo pipefail
PKGS=()
[ -x /usr/bin/chromium ] || PKGS+=(chromium openssl)
# Firefox smoke e2e (tests/e2e-firefox/): Debian's firefox-esr, driven over WebDriver BiDi.
[ -x /usr/bin/firefox-esr ] || PKGS+=(firefox-esr)
if [ ${#PKGS[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${PKGS[@]}" > /dev/null
fi
/usr/bin/chromium --version
/usr/bin/firefox-esr --version
