#!/usr/bin/env bash
# Measures ZygotePlugin's cost on a generated 50-file target (README, "The build plugin"):
# the generator alone, and `swift build` with the plugin against the same target with every
# helper annotated and no plugin: clean, then nothing changed, one file touched and every file
# touched, median of 5 rounds in which the two variants take turns.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$root/.build/plugin-cost"
rm -rf "$work"
python3 "$root/Benchmarks/plugin-cost/make-target.py" "$work/plugin" "$root"
python3 "$root/Benchmarks/plugin-cost/make-target.py" "$work/annotated" "$root" --annotated

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# Prints the seconds a command took; a failed command stops the measurement with its output.
seconds() {
  local start end
  start=$(date +%s.%N)
  if ! "$@" > "$work/last.log" 2>&1; then cat "$work/last.log" >&2; echo "failed: $*" >&2; exit 1; fi
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

# The generator alone, as the build plugin runs it (debug build) and built for release.
swift build --package-path "$root" --product zygote-generate > /dev/null
swift build --package-path "$root" --product zygote-generate -c release > /dev/null
for configuration in debug release; do
  tool="$root/.build/$configuration/zygote-generate"
  times=$(for _ in 1 2 3 4 5; do seconds "$tool" --output "$work/out.swift" "$work"/plugin/Sources/Model/*.swift; done | median)
  echo "zygote-generate ($configuration) on 50 files: ${times}s"
done
echo "generated: $(grep -c '^// MARK: - ' "$work/out.swift") pullbacks, $(wc -l < "$work/out.swift") lines"

# Clean builds first, then the two variants take turns in each round, so that the load of a shared
# machine falls on both alike.
for variant in plugin annotated; do
  echo "$variant: clean build $(seconds swift build --package-path "$work/$variant")s (dependencies included)"
done
for _ in 1 2 3 4 5; do
  for variant in plugin annotated; do
    package="$work/$variant"
    seconds swift build --package-path "$package" >> "$work/$variant.noop"
    touch "$package/Sources/Model/File07.swift"
    seconds swift build --package-path "$package" >> "$work/$variant.one"
    # Every file touched: the plugin reruns and all 50 files (and the generated one) compile.
    touch "$package"/Sources/Model/*.swift
    seconds swift build --package-path "$package" >> "$work/$variant.all"
  done
done
for variant in plugin annotated; do
  echo "$variant: nothing changed $(median < "$work/$variant.noop")s; one file touched $(median < "$work/$variant.one")s; every file touched $(median < "$work/$variant.all")s"
done
