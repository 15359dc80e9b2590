#!/usr/bin/env bash
# Install the Debian packages Qt needs (packaging/debian-packages.txt) where missing.
# Idempotent: installs nothing when everything is present.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
list="$here/packaging/debian-packages.txt"

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "install-system-deps: not a Debian-like system; install the Qt runtime libraries listed in $list yourself" >&2
    exit 0
fi

wanted=$(grep -v '^\s*#' "$list" | grep -v '^\s*$')
# A Python with venv+pip is needed too; Debian splits them out of python3.
if ! command -v python3 >/dev/null 2>&1; then
    wanted="$wanted python3"
fi
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    wanted="$wanted python3-venv"
fi

missing=()
for pkg in $wanted; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == *"install ok installed"* ]] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-system-deps: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo_cmd=()
elif command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
else
    echo "install-system-deps: run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-system-deps: done"
