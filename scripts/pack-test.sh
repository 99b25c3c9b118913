#!/usr/bin/env bash
# The package as users get it: pack, install the tarball into an empty folder, and run the
# first commands a newcomer runs, with no source tree in reach.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
tarball="$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -n 1)"
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$work/$tarball"
npx --no-install k8s-weekly --version
npx --no-install k8s-weekly draft --week 2021-07-04 --offline > draft.md
grep -q '^title: Week Ending July 4, 2021$' draft.md
npx --no-install k8s-weekly lint --draft draft.md
npx --no-install k8s-weekly templates export exported
test -f exported/post.md.hbs && test -f exported/partials/pr-line.hbs
npx --no-install k8s-weekly draft --week 2021-07-04 --offline --template exported/post.md.hbs --partials exported/partials > again.md
cmp draft.md again.md

# Online, the installed package loads what an offline draft never does: the GitHub client with its
# rate-limit and retry plugins, the GraphQL searches, the releases and schedule. The fake GitHub
# runs from the source tree; the package under test knows only its URL and the token.
token="ghp_packTestToken1234567890"
(cd "$root" && exec node --import tsx scripts/fake-github-server.ts "$token") > server.url &
server=$!
for _ in $(seq 100); do [ -s server.url ] && break; sleep 0.1; done
api_url="$(head -n 1 server.url)"
test -n "$api_url"
GH_ENTERPRISE_TOKEN="$token" XDG_CACHE_HOME="$work/cache" npx --no-install k8s-weekly draft --week 2021-07-04 --api-url "$api_url" > online.md 2> online.log
grep -q '^title: Week Ending July 4, 2021$' online.md
grep -q 'https://github.com/kubernetes/kubernetes/pull/' online.md
# The related projects' releases arrive only through the GraphQL context query.
grep -q '^## Subprojects and Dependency Updates' online.md && ! grep -q 'no token\|placeholders' online.log
grep -Eq '[1-9][0-9]* requests' online.log
! grep -q '^k8s-weekly: warning: could not write the cache' online.log
npx --no-install k8s-weekly lint --draft online.md
# What the online run cached drafts the same post with the fake GitHub gone.
kill "$server" && wait "$server" 2>/dev/null || true
server=""
XDG_CACHE_HOME="$work/cache" npx --no-install k8s-weekly draft --week 2021-07-04 --offline --api-url "$api_url" > cached.md 2> cached.log
grep -q 'using the cached week' cached.log
cmp online.md cached.md

# From the git URL, as README's "Installing" gives it (npm install -g of a git URL cannot build:
# npm/cli#8440): npm pack clones the commit, installs the dev dependencies and runs prepare, which
# builds the bundle; the tarball then installs globally and drafts.
mkdir git-install
(cd git-install && npm pack --silent "git+file://$root#$(git -C "$root" rev-parse HEAD)" > /dev/null)
npm install --global --prefix "$work/global" --no-audit --no-fund --silent ./git-install/k8s-weekly-*.tgz
"$work/global/bin/k8s-weekly" draft --week 2021-07-04 --offline > git-draft.md 2> /dev/null
grep -q '^title: Week Ending July 4, 2021$' git-draft.md
echo "pack test: the packed package drafts offline and against the fake GitHub, lints clean as a draft and exports its templates; packed from the git URL, it installs globally and drafts"
