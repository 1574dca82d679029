#!/usr/bin/env bash
# Installs what the editor tests (test/editor/) need: code-server (a real VS Code
# served to a browser) and playwright-core, pinned in host-package.json, into
# .cache/editor-e2e/ -- outside git and outside the project's own package-lock.
# Idempotent: when everything is already in place it only verifies and exits.
# Chromium itself comes from Debian (apt), never from a browser download.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HOST_PACKAGE=$ROOT/scripts/editor-e2e/host-package.json
CACHE=${PROXYLINT_E2E_CACHE:-$ROOT/.cache/editor-e2e}
APT_PACKAGES=(chromium build-essential pkg-config python3 libkrb5-dev ripgrep)
# code-server's postinstall builds native modules (node-pty, kerberos, ...) with
# node-gyp; these are the files that prove it really ran.
VSCODE_MODULES=$CACHE/node_modules/code-server/lib/vscode/node_modules
BUILT_FILES=(
  "$VSCODE_MODULES/node-pty/build/Release/pty.node"
  "$VSCODE_MODULES/kerberos/build/Release/kerberos.node"
  "$VSCODE_MODULES/@vscode/spdlog/build/Release/spdlog.node"
  "$VSCODE_MODULES/@vscode/ripgrep/bin/rg"
  "$CACHE/node_modules/playwright-core/package.json"
)

log() { echo "editor-e2e install: $*"; }
die() { echo "editor-e2e install: ERROR: $*" >&2; exit 1; }

ensure_apt_packages() {
  command -v dpkg-query >/dev/null || die "needs a Debian/Ubuntu system with: ${APT_PACKAGES[*]}"
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  if [ "$(id -u)" != 0 ]; then
    die "missing apt packages: ${missing[*]} -- run: sudo apt-get install -y ${missing[*]}"
  fi
  log "installing missing apt packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_node_20() {
  # code-server 4.100.x runs only on node 20 (its postinstall refuses others).
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" = 20 ] || die "code-server 4.100 needs node 20, found $(node --version)"
}

installed_version() { # package name -> version in the cache, or nothing
  node -p "require('$CACHE/node_modules/$1/package.json').version" 2>/dev/null || true
}

is_installed() {
  cmp -s "$HOST_PACKAGE" "$CACHE/package.json" || return 1
  local want f
  for pkg in code-server playwright-core; do
    want=$(node -p "require('$HOST_PACKAGE').dependencies['$pkg']")
    [ "$(installed_version "$pkg")" = "$want" ] || return 1
  done
  for f in "${BUILT_FILES[@]}"; do [ -e "$f" ] || return 1; done
}

seed_ripgrep_cache() {
  # @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable
  # here; it first looks in $TMPDIR/vscode-ripgrep-cache-<version>/, so we put
  # Debian's rg there under the file name it expects.
  local cache=$TMPDIR/vscode-ripgrep-cache-1.15.11 pkg=$TMPDIR/rgpkg
  mkdir -p "$cache" "$pkg"
  cp /usr/bin/rg "$pkg/rg"
  tar czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$pkg" rg
}

install_host_packages() {
  mkdir -p "$CACHE"
  cp "$HOST_PACKAGE" "$CACHE/package.json"
  export TMPDIR=$CACHE/tmp
  mkdir -p "$TMPDIR"
  seed_ripgrep_cache
  log "installing $(node -p "Object.entries(require('$HOST_PACKAGE').dependencies).map(e => e.join('@')).join(' ')") into $CACHE"
  # npm_config_nodedir: node-gyp uses /usr/include/node instead of downloading headers.
  # npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it.
  # npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which must not prompt.
  # npm_config_strict_allow_scripts=false: npm 11 only warns about dependency
  #   install scripts not listed in allowScripts; code-server's nested install
  #   in lib/vscode (node-pty, kerberos, ...) depends on them running.
  # --foreground-scripts: show the native builds' output, so a failure is readable.
  (cd "$CACHE" &&
    npm_config_nodedir=/usr npm_config_unsafe_perm=true npm_config_yes=true \
      npm_config_strict_allow_scripts=false npm_config_fund=false npm_config_audit=false \
      npm install --foreground-scripts --no-package-lock)
}

verify() {
  local f
  for f in "${BUILT_FILES[@]}"; do
    [ -e "$f" ] || die "$f is missing: code-server's postinstall did not run or failed (see the npm output above)"
  done
  local version
  version=$(XDG_CONFIG_HOME=$CACHE/tmp/xdg XDG_DATA_HOME=$CACHE/tmp/xdg \
    "$CACHE/node_modules/.bin/code-server" --version 2>/dev/null | tail -n 1)
  [ -n "$version" ] || die "code-server does not start"
  log "ok: code-server $version, playwright-core $(installed_version playwright-core), $(chromium --version 2>/dev/null)"
}

ensure_apt_packages
ensure_node_20
if is_installed; then
  log "already installed in $CACHE"
else
  install_host_packages
fi
verify
