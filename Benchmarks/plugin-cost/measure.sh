#!/usr/bin/env bash
# Measures ZygotePlugin's cost on a generated 50-file target (README, "The build plugin"):
# the generator alone, and `swift build` with the plugin against the same target with every
# helper annotated and no plugin (clean; the target alone, median of 3; nothing changed and one
# file touched, median of 5).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$root/.build/plugin-cost"
rm -rf "$work"
python3 "$root/Benchmarks/plugin-cost/make-target.py" "$work/plugin" "$root"
python3 "$root/Benchmarks/plugin-cost/make-target.py" "$work/annotated" "$root" --annotated

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }

# The generator alone, as the build plugin runs it (debug build) and built for release.
swift build --package-path "$root" --product zygote-generate > /dev/null
swift build --package-path "$root" --product zygote-generate -c release > /dev/null
for configuration in debug release; do
  tool="$root/.build/$configuration/zygote-generate"
  times=$(for _ in 1 2 3 4 5; do seconds "$tool" --output "$work/out.swift" "$work"/plugin/Sources/Model/*.swift; done | median)
  echo "zygote-generate ($configuration) on 50 files: ${times}s"
done
echo "generated: $(grep -c '^// MARK: - ' "$work/out.swift") pullbacks, $(wc -l < "$work/out.swift") lines"

for variant in plugin annotated; do
  package="$work/$variant"
  clean=$(seconds swift build --package-path "$package")
  target=$(for _ in 1 2 3; do
    rm -rf "$package/.build/debug/Model.build" "$package/.build/plugins/outputs"
    seconds swift build --package-path "$package"
  done | median)
  noop=$(for _ in 1 2 3 4 5; do seconds swift build --package-path "$package"; done | median)
  touched=$(for _ in 1 2 3 4 5; do touch "$package/Sources/Model/File07.swift"; seconds swift build --package-path "$package"; done | median)
  echo "$variant: clean build ${clean}s (dependencies included); the target alone ${target}s; nothing changed ${noop}s; one file touched ${touched}s"
done
