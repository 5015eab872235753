#!/usr/bin/env bash
# Runs everything a change must pass: the build, the test suite in debug, and the benchmark's
# quick mode (gradients checked, no timing) in release. This is the README's test command and
# what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
swift test --skip-build
swift run -c release zygote-bench --quick
