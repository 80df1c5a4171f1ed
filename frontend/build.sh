#!/usr/bin/env bash
# Builds the front-end assets the web app serves from /assets/:
#   css/fourthpurpose.min.css   NHS.UK frontend + the app's own styles (src/fourthpurpose.scss)
#   js/nhsuk-frontend-<version>.min.js (+ .map)   NHS.UK frontend's ES module bundle, unchanged
#   images/                     the NHS.UK icons the CSS uses, and the app's own favicon
# The output is committed, so building the app needs only a JDK. Run after changing
# src/ or the pinned versions in package.json, then commit the changes under static/assets/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
assets="$here/../app/src/main/resources/static/assets"
nhsuk="$here/node_modules/nhsuk-frontend/dist/nhsuk"

cd "$here"
npm ci --no-audit --no-fund

version="$(node -p 'require("nhsuk-frontend/package.json").version')"

rm -rf "$assets"
mkdir -p "$assets/css" "$assets/js" "$assets/images"

npx --no-install sass \
  --load-path=node_modules \
  --style=compressed \
  --no-source-map \
  --quiet-deps \
  src/fourthpurpose.scss "$assets/css/fourthpurpose.min.css"

# The bundle is an ES module (it ends in `export {...}`): the layout loads it with
# <script type="module"> and calls initAll(). The versioned name busts browser caches on upgrade.
cp "$nhsuk/nhsuk-frontend-$version.min.js" "$nhsuk/nhsuk-frontend-$version.min.js.map" "$assets/js/"

# Only the icons. favicon.ico, favicon.svg, nhsuk-icon-180/192/512.png, nhsuk-icon-mask.svg and
# nhsuk-opengraph-image.png are the NHS logo, which this product does not show by default.
for icon in "$nhsuk"/assets/images/nhsuk-icon-*.svg; do
  case "$(basename "$icon")" in
    nhsuk-icon-mask.svg) ;;
    *) cp "$icon" "$assets/images/" ;;
  esac
done
cp src/images/favicon.svg "$assets/images/"
# The app's own scripts: no inline scripts, so the Content Security Policy can forbid them.
cp src/js/*.js "$assets/js/"

# Every url() in the CSS must point at something the app serves itself.
if grep -o 'url([^)]*)' "$assets/css/fourthpurpose.min.css" | grep -v 'url("\?/assets/' ; then
  echo "build.sh: the CSS refers to assets outside /assets/ (above)" >&2
  exit 1
fi
for url in $(grep -o 'url("\?/assets/[^")]*' "$assets/css/fourthpurpose.min.css" | sed 's|^url("\?/assets/||' | sort -u); do
  if [[ ! -f "$assets/$url" ]]; then
    echo "build.sh: the CSS refers to /assets/$url, which the build did not copy" >&2
    exit 1
  fi
done

echo "Built NHS.UK frontend $version assets into ${assets#"$here/../"}"
