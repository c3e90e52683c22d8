#!/usr/bin/env bash
# One entry point for building, serving, testing and measuring the app.
#
#   ./dev.sh serve   build dist/ and serve it on http://127.0.0.1:8080
#   ./dev.sh test    run every test: native, in-browser, end-to-end (Chromium and Firefox), files
#   ./dev.sh bench   build the release dist/ and print the benchmark table
#   ./dev.sh sizes   what the wasm is made of: twiggy top, monos and dominators
#   ./dev.sh fuzz    a million hostile inputs for each of the parser, template
#                    loading, draft import and roll-up (FUZZ_CASES to change)
#   ./dev.sh build   build the release dist/ only
#   ./dev.sh single-file  build dist-single/bieumau-cchc.html, one file that opens by double-click
#   ./dev.sh setup   only install what is missing
#
# Every command first installs whatever is missing (the wasm target, trunk,
# the wasm-bindgen CLI pinned to Cargo.toml's version, a working wasm-opt
# from npm, Chromium, chromedriver, Xvfb, poppler-utils and LibreOffice Calc
# from Debian, Playwright's driver library, openxml-audit from PyPI in
# target/ooxml-audit) and is quick when all of it is
# already there. Nothing is ever downloaded at build time: trunk runs with
# --offline.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD

TRUNK_VERSION=0.21.14
# The CLI must equal the wasm-bindgen crate exactly; read it from Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

need_root_or_sudo() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

setup() {
  export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
  # The compiler is pinned in rust-toolchain.toml, with its components and
  # the wasm32 target; rustup installs all of it from that file.
  local channel
  channel=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
  if ! rustup toolchain list 2>/dev/null | grep -q "^$channel-" \
     || ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
     || [ "$(rustup component list --installed 2>/dev/null | grep -cE '^(rust-src|clippy|rustfmt)')" -lt 3 ]; then
    say "Installing Rust $channel with rust-src, clippy, rustfmt and the wasm32 target (rust-toolchain.toml)"
    rustup toolchain install
  fi
  if [ "$(rustc --version | cut -d' ' -f2)" != "$channel" ]; then
    echo "rustc is $(rustc --version), but rust-toolchain.toml pins $channel" >&2
    exit 1
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "Installing trunk $TRUNK_VERSION (about 10 minutes, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
     || ! command -v wasm-bindgen-test-runner >/dev/null; then
    say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes, once)"
    # Not --locked: a locked dependency of the CLI is missing from the registry.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/puppeteer-core ] || [ ! -d node_modules/@gfx/zopfli ] || [ ! -d node_modules/lighthouse ] \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing npm tools (binaryen 132 for wasm-opt, esbuild, zopfli, playwright-core, puppeteer-core, lighthouse)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  # openxml-audit (the Open XML SDK's schema checks, in Python) validates
  # every .docx and .xlsx the tests write (scripts/validate-ooxml.py). Pinned
  # with its dependencies in scripts/ooxml-requirements.txt, in a venv of its own.
  if [ ! -x target/ooxml-audit/bin/openxml-audit ] \
     || [ scripts/ooxml-requirements.txt -nt target/ooxml-audit/installed ]; then
    say "Installing openxml-audit into target/ooxml-audit (scripts/ooxml-requirements.txt)"
    if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' 2>/dev/null; then
      need_root_or_sudo apt-get update -qq
      need_root_or_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    fi
    rm -rf target/ooxml-audit
    python3 -m venv target/ooxml-audit
    target/ooxml-audit/bin/pip install --quiet --disable-pip-version-check -r scripts/ooxml-requirements.txt
    touch target/ooxml-audit/installed
  fi
  # Crates come from crates.io once; every build after this runs offline.
  cargo fetch --locked --quiet
  RUSTC_BOOTSTRAP=1 cargo fetch --locked --quiet -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v firefox-esr >/dev/null \
     || ! command -v xvfb-run >/dev/null || ! command -v pdftotext >/dev/null || ! command -v soffice >/dev/null \
     || [ ! -d /usr/share/fonts/truetype/liberation2 ] || ! dpkg -s libreoffice-writer-nogui >/dev/null 2>&1; then
    say "Installing Chromium, chromedriver, Firefox ESR, Xvfb, poppler-utils (pdftotext), LibreOffice Calc and Writer and the Liberation fonts from Debian"
    need_root_or_sudo apt-get update -qq
    need_root_or_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver firefox-esr xvfb xauth poppler-utils >/dev/null
    # The .xlsx and .docx are checked as a clerk sees them: LibreOffice prints
    # them to PDF (fonts-liberation2: Times New Roman's metrics).
    need_root_or_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libreoffice-calc-nogui libreoffice-writer-nogui fonts-liberation2 >/dev/null
  fi
}

TWIGGY_VERSION=0.8.0
# A release build that keeps function names, as `release` is but for
# wasm-opt's name stripping, and twiggy's view of it (target/sizes/named.wasm).
size_analysis() {
  if [ "$(twiggy --version 2>/dev/null)" != "twiggy-opt $TWIGGY_VERSION" ]; then
    say "Installing twiggy $TWIGGY_VERSION (about 2 minutes, once)"
    cargo install --locked twiggy --version "$TWIGGY_VERSION"
  fi
  say "Building the wasm with function names (profile release-names)"
  release cargo build --offline --profile release-names --target wasm32-unknown-unknown --bin bieumau
  mkdir -p target/sizes
  wasm-bindgen --target web --keep-debug --out-dir target/sizes target/wasm32-unknown-unknown/release-names/bieumau.wasm
  # Slimmed as the release build is (scripts/slim-wasm.mjs), names kept.
  node scripts/slim-wasm.mjs target/sizes/bieumau_bg.wasm target/sizes/bieumau.js target/sizes/named.wasm --names
}

# Runs a command that builds the release wasm, with the standard library
# rebuilt for size from rust-src (README, Bundle size):
# - a panic aborts at once: no message formatted, no hook run (the page's
#   banner still shows, see src/browser/panic_banner.rs);
# - no source file names are kept, and `{:?}` prints nothing (no text a
#   clerk sees is made with it);
# - std's own `optimize_for_size` picks its smaller algorithms.
# These are unstable flags of the machine's own stable compiler, allowed by
# RUSTC_BOOTSTRAP for this build only: the native and in-browser tests build
# as usual, with the panic hook.
# The variable replaces the wasm rustflags of .cargo/config.toml, so they are
# read from there and kept.
WASM_RUSTFLAGS=$(sed -n 's/^rustflags = \[\(.*\)\]/\1/p' .cargo/config.toml | tr -d '",')
release() {
  RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$WASM_RUSTFLAGS -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
    "$@"
}

build_release() {
  say "Building the release dist/"
  release trunk build --release --offline
}

case "${1:-}" in
  setup)
    setup
    ;;
  build)
    setup
    build_release
    ;;
  serve)
    setup
    say "Serving on http://127.0.0.1:8080/ (Ctrl+C to stop)"
    release exec trunk serve --release --offline --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}"
    ;;
  test)
    setup
    # The quick checks first: a wrong format or a lint fails in a minute,
    # before the long steps.
    say "Format and lints (cargo fmt --check, cargo clippy -D warnings, native and wasm32)"
    cargo fmt --check
    cargo clippy --offline --all-targets -- -D warnings
    # Natively only: the core's unit tests use proptest and zip, which are
    # native dev-dependencies. In wasm32 the library, the app and its
    # in-browser tests are linted.
    cargo clippy --offline --target wasm32-unknown-unknown --lib --bins --test web -- -D warnings
    say "1/3 Native tests of the core (cargo test)"
    cargo test --offline
    say "2/3 In-browser component tests (wasm-bindgen-test in headless Chromium)"
    CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
      cargo test --offline --target wasm32-unknown-unknown --test web
    build_release
    say "The bundle against its recorded size (bundle-size.json)"
    node scripts/bundle-size.mjs
    node scripts/single-file.mjs dist dist-single/bieumau-cchc.html
    say "3/3 End-to-end tests on dist/ and the single file in headless Chromium"
    node --test --test-concurrency=1 e2e/
    ;;
  single-file)
    setup
    build_release
    node scripts/single-file.mjs dist dist-single/bieumau-cchc.html
    ;;
  bench)
    setup
    build_release
    # Keystrokes are timed in a headed Chromium on a virtual display, as a
    # clerk's screen presents frames (see e2e/support/keys.mjs).
    xvfb-run -a -s "-screen 0 1400x900x24" node e2e/support/bench.mjs
    size_analysis >target/size-analysis.log 2>&1 || { cat target/size-analysis.log; exit 1; }
    say "What the wasm is made of (scripts/wasm-parts.mjs)"
    node scripts/wasm-parts.mjs target/sizes/named.wasm
    say "The largest items of the wasm (twiggy top; names kept, so sizes are before name stripping)"
    twiggy top -n 11 target/sizes/named.wasm | grep -v '"function names" subsection'
    ;;
  fuzz)
    # tests/fuzz.rs; ./dev.sh test runs the same tests with a few thousand cases each.
    export FUZZ_CASES="${FUZZ_CASES:-1000000}"
    say "Fuzzing with $FUZZ_CASES cases per target (release build)"
    cargo test --release --offline --locked --test fuzz -- --test-threads=2
    ;;
  sizes)
    setup
    size_analysis
    say "What the wasm is made of (scripts/wasm-parts.mjs)"
    node scripts/wasm-parts.mjs target/sizes/named.wasm
    say "twiggy top 40"
    twiggy top -n 40 target/sizes/named.wasm
    say "twiggy monos: generic functions by the size of their copies"
    twiggy monos -m 20 -n 5 target/sizes/named.wasm
    say "twiggy dominators: what keeps what in the wasm"
    twiggy dominators -d 3 -r 40 target/sizes/named.wasm
    ;;
  *)
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
