#!/usr/bin/env bash
# Installs the Debian packages objectivity builds against (Debian 12).
# Safe to run again: apt-get skips what is already installed.
set -euo pipefail
packages=(
  libopenblas-dev   # BLAS (cblas): Gram matrices, similarity, clustering
  liblapacke-dev    # LAPACK's C interface: eigen-decompositions, least squares
  r-mathlib         # R's standalone math library: distribution tails
  libxlsxwriter-dev # Excel files for commissions
  libsqlite3-dev    # SQLite for GRDB: the daemon's state
  systemd           # systemd-analyze verify/security on the unit file (tests)
  pkg-config        # how SwiftPM finds the libraries above
  python3-openpyxl  # an independent XLSX reader: tests open our workbooks with it
)
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "setup: installed ${packages[*]}"
