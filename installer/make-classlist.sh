#!/usr/bin/env bash
# Regenerates installer/session-recorder.classlist: the classes the app loads from its start until its window is
# shown and its embedded server answers. The Linux package makes a class-data sharing archive of them when it is
# installed (see installer/linux/postinst); a list that has fallen behind the code only archives fewer classes.
# Run it after changes to what the app loads at start (needs the shaded jar and Xvfb):
#   mvn -B -q package -DskipTests && bash installer/make-classlist.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
display=":$(( 80 + RANDOM % 9 ))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
DISPLAY="$display" timeout 120 java -Xshare:off -XX:DumpLoadedClassList="$work/classlist" \
  -Xss2m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dprism.lcdtext=false \
  -Drecorder.readyFile="$work/ready" -Drecorder.exitWhenReady=true \
  -jar target/session-recorder.jar --data "$work/data" >"$work/log" 2>&1 || true
if [ ! -s "$work/ready" ]; then
  echo "the app did not become ready; its output:" >&2; cat "$work/log" >&2; exit 1
fi
cp "$work/classlist" installer/session-recorder.classlist
echo "installer/session-recorder.classlist: $(wc -l < installer/session-recorder.classlist) classes"
