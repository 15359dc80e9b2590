#!/usr/bin/env bash
# Start the GUI; with no display at all, fall back to a virtual screen (Xvfb) and say so.
set -euo pipefail
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "dateline: no display found (DISPLAY is unset); running on a virtual X screen (xvfb-run)." >&2
    echo "dateline: set DISPLAY to see the window, or use 'make screenshot' for a PNG." >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$@"
fi
exec "$@"
