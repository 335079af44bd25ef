#!/usr/bin/env bash
# Re-fetches the vendored browser libraries at their pinned versions from the npm registry (`npm pack`), for an
# upgrade or to check that the committed files are the published ones. The build and the service never run this:
# the files are committed, so neither needs Node or the network.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

npm pack --silent @geoman-io/leaflet-geoman-free@2.20.2 >/dev/null
tar xzf geoman-io-leaflet-geoman-free-2.20.2.tgz
cp package/dist/leaflet-geoman.js package/dist/leaflet-geoman.css package/LICENSE "$here/leaflet-geoman/"
rm -rf package

npm pack --silent chart.js@4.6.1 >/dev/null
tar xzf chart.js-4.6.1.tgz
cp package/dist/chart.umd.min.js package/LICENSE.md "$here/chart.js/"

npm pack --silent leaflet.vectorgrid@1.3.0 >/dev/null
tar xzf leaflet.vectorgrid-1.3.0.tgz
cp package/dist/Leaflet.VectorGrid.bundled.min.js "$here/leaflet-vectorgrid/"
rm -rf package

echo "fetched into $here; git diff shows whether anything changed"
