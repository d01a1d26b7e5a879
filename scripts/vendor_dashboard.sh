#!/usr/bin/env bash
# Fetch the dashboard's browser libraries again from npm, unmodified, into
# src/accord/web/static/vendor/ (see its README.md). Run from the repository root; needs npm.
# After a version change, update the table in vendor/README.md (the tests compare hashes).
set -euo pipefail
ECHARTS=6.1.0
TOPOJSON_CLIENT=3.1.0
WORLD_ATLAS=2.0.2
VENDOR="$(pwd)/src/accord/web/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "echarts@$ECHARTS" "topojson-client@$TOPOJSON_CLIENT" "world-atlas@$WORLD_ATLAS" >/dev/null
for pkg in echarts topojson-client world-atlas; do
    mkdir -p "$pkg" && tar xzf "$pkg"-*.tgz -C "$pkg"
done
mkdir -p "$VENDOR/echarts" "$VENDOR/topojson-client" "$VENDOR/world-atlas"
cp echarts/package/dist/echarts.min.js echarts/package/LICENSE echarts/package/NOTICE \
    echarts/package/licenses/LICENSE-d3 "$VENDOR/echarts/"
cp topojson-client/package/dist/topojson-client.min.js topojson-client/package/LICENSE \
    "$VENDOR/topojson-client/"
cp world-atlas/package/countries-110m.json world-atlas/package/LICENSE "$VENDOR/world-atlas/"
sha256sum "$VENDOR"/*/*.js "$VENDOR"/*/*.json
