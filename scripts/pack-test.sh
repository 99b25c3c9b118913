#!/usr/bin/env bash
# The package as users get it: pack, install the tarball into an empty folder, and run the
# first commands a newcomer runs, with no source tree in reach.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tarball="$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -n 1)"
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$work/$tarball"
npx --no-install k8s-weekly --version
npx --no-install k8s-weekly draft --week 2021-07-04 --offline > draft.md
grep -q '^title: Week Ending July 4, 2021$' draft.md
npx --no-install k8s-weekly lint draft.md
npx --no-install k8s-weekly templates export exported
test -f exported/post.md.hbs && test -f exported/partials/pr-line.hbs
npx --no-install k8s-weekly draft --week 2021-07-04 --offline --template exported/post.md.hbs --partials exported/partials > again.md
cmp draft.md again.md
echo "pack test: the packed package drafts offline, lints clean and exports its templates"
