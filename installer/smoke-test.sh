#!/usr/bin/env bash
# Packaging smoke test: builds the app-image and the .deb, then starts the app-image's launcher (and, with
# --deb, the installed package's launcher) under Xvfb with a flag that makes the app quit once its window is
# shown and its embedded server answers. Linux only; needs root for --deb (dpkg -i).
#   bash installer/smoke-test.sh [--deb] [--skip-build]
set -euo pipefail
cd "$(dirname "$0")/.."

want_deb=false; build=true
for a in "$@"; do
  case "$a" in
    --deb) want_deb=true ;;
    --skip-build) build=false ;;
    *) echo "usage: $0 [--deb] [--skip-build]" >&2; exit 2 ;;
  esac
done

missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
dpkg -s libgtk-3-0 >/dev/null 2>&1 || missing+=(libgtk-3-0)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

if $build; then
  mvn -B -q -Pinstaller package -DskipTests
fi
dist=target/installer/dist
echo "runtime: $(du -sh target/installer/runtime | cut -f1)   app-image: $(du -sh $dist/session-recorder | cut -f1)   deb: $(du -h $dist/*.deb | cut -f1)"

display=":$(( 90 + RANDOM % 9 ))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT

start_and_wait() {   # the launcher or java @args (with any words before it, as a desktop entry's Exec has them)
  local data ready launcher="${!#}"
  data=$(mktemp -d); ready="$data/ready"
  DISPLAY="$display" SESSION_RECORDER_DATA="$data" \
    JAVA_TOOL_OPTIONS="-Drecorder.readyFile=$ready -Drecorder.exitWhenReady=true" \
    timeout 120 "$@" >"$data/log" 2>&1 || true
  if grep -q '\[cds' "$data/log"; then
    echo "FAIL $* could not use its class-data archive:"; grep '\[cds' "$data/log"; return 1
  fi
  if [ -s "$ready" ]; then
    local cds="without a class-data archive" app="$(dirname "$launcher")/../lib/app"
    [[ $launcher == @* ]] && app=$(dirname "${launcher#@}")   # java @args: the arguments lie beside the jar
    [ -f "$app/session-recorder.jsa" ] && cds="with its class-data archive"
    echo "OK   $*: window shown and server answering after $(cut -d' ' -f1 "$ready") ms ($cds)"
  else
    echo "FAIL $* did not show its window; its output:"; cat "$data/log"; return 1
  fi
}

start_and_wait "$dist/session-recorder/bin/session-recorder"
if $want_deb; then
  # A desktop machine has these; a bare container may not, and the package's menu entry goes there.
  mkdir -p /usr/share/applications /usr/share/desktop-directories
  # dpkg -i alone leaves the package unconfigured where a declared dependency (xdg-utils, GTK) is missing;
  # apt installs the .deb together with what it declares.
  # --reinstall: the same version may be installed from an earlier run; its scripts must run again.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall "./$(ls "$dist"/session-recorder_*.deb)"
  start_and_wait /opt/session-recorder/bin/session-recorder
  # The menu entry as a desktop would run it: its Exec line, word by word (it has no field codes).
  entry=$(dpkg-query -L session-recorder | grep '/lib/[^/]*\.desktop$' | head -n 1)
  [ -f "$entry" ] || { echo "FAIL the package has no desktop entry"; exit 1; }
  read -r -a exec_words <<<"$(sed -n 's/^Exec=//p' "$entry")"
  start_and_wait "${exec_words[@]}"
fi
