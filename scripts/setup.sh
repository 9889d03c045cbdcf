#!/usr/bin/env bash
# One-time set-up for a fresh Debian/Ubuntu machine; safe to re-run (it skips what is there).
# Installs the npm dependencies, Debian's Jupyter stack (which runs the notebooks) and git-lfs.
# There is no PyPI here: papermill is optional and nbconvert (from Debian) is the runner.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*"; }

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  say "Node.js 20 or newer is required (found: $(node --version 2>/dev/null || echo none))"; exit 1
fi
command -v git >/dev/null || { say "git is required: apt-get install -y git"; exit 1; }

if [ ! -d node_modules/uvu ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies (npm ci)"
  npm ci --no-fund --no-audit --loglevel=error
fi

# Jupyter must run on Debian's own python3 (/usr/bin/python3), which is where these packages live.
debian_packages=(jupyter-nbconvert python3-ipykernel python3-sklearn python3-pandas python3-unidecode python3-matplotlib git-lfs s3cmd)
if /usr/bin/python3 -c 'import nbconvert, ipykernel, sklearn, pandas, unidecode, joblib, matplotlib' 2>/dev/null && command -v jupyter >/dev/null && command -v git-lfs >/dev/null && command -v s3cmd >/dev/null; then
  say "Jupyter, the example's Python packages, git-lfs and s3cmd (npm run bench) are present"
elif command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  say "installing Debian packages: ${debian_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${debian_packages[@]}" >/dev/null
else
  say "missing Jupyter. Install it with:"
  say "  sudo apt-get update && sudo apt-get install -y ${debian_packages[*]}"
  exit 1
fi
# The S3 store's tests run against moto's S3 server as well as s3rver (npm). moto is on the machine image,
# in the pyenv Python; there is no PyPI here, so this only checks, and says how to install it elsewhere.
moto_server=$(command -v moto_server || true)
[ -n "$moto_server" ] || [ ! -x "${HOME:-/root}/.pyenv/shims/moto_server" ] || moto_server="${HOME:-/root}/.pyenv/shims/moto_server"
if [ -n "$moto_server" ] && "$moto_server" --help >/dev/null 2>&1; then
  say "moto_server is present ($moto_server) for the S3 tests"
else
  say "moto_server (moto's S3 server) is missing; the S3 tests need it. Install it where PyPI is reachable with:"
  say "  python3 -m pip install 'moto[server]==5.2.1'   (then make sure moto_server is on PATH or in ~/.pyenv/shims)"
  exit 1
fi
say "ready"
