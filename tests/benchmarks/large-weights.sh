#!/usr/bin/env bash
# Peak memory of converting weights larger than protobuf's 2 GB limit (DESIGN: below 1 GB, weights streamed
# through external data), and the conversion's throughput against a plain `cp` of the same file.
# Usage: tests/benchmarks/large-weights.sh [GiB, default 2.2] [work folder, default a temp folder]
set -euo pipefail
cd "$(dirname "$0")/../.."
gib=${1:-2.2}
work=${2:-$(mktemp -d)}
trap 'rm -rf "$work"' EXIT

for project in src/ModelBuild.Cli tests/ModelBuild.Benchmarks; do
    dotnet build -c Release -v q -nologo "$project" >/dev/null
done
bench=tests/ModelBuild.Benchmarks/bin/Release/net10.0/ModelBuild.Benchmarks.dll
cli=src/ModelBuild.Cli/bin/Release/net10.0/modelbuild.dll

dotnet "$bench" large-weights "$work" "$gib"
size=$(stat -c %s "$work/weights.safetensors")

sync; start=$(date +%s.%N)
cp "$work/weights.safetensors" "$work/copy.bin"; sync
copy_s=$(echo "$(date +%s.%N) - $start" | bc); rm -f "$work/copy.bin"

sync; start=$(date +%s.%N)
/usr/bin/time -v -o "$work/time.txt" dotnet "$cli" convert "$work/weights.safetensors" \
    --architecture "$work/template.onnx" -o "$work/out/model.onnx" --no-verify >/dev/null
sync
convert_s=$(echo "$(date +%s.%N) - $start" | bc)
peak_kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")

dotnet "$bench" check-weights "$work/out/model.onnx" "$work/weights.safetensors"
ls -l "$work/out"

printf 'weights: %s bytes; peak RSS of modelbuild convert: %s MiB; convert %.1f s vs cp %.1f s (throughput ratio %.2f)\n' \
    "$size" "$((peak_kib / 1024))" "$convert_s" "$copy_s" "$(echo "$copy_s / $convert_s" | bc -l)"
