#!/usr/bin/env bash
# Traced resnet18 .pt → ONNX: `modelbuild convert --no-verify` against Python's `torch.onnx.export` of the same
# loaded file, both as whole processes on the same machine (interpreter/runtime start-up included), measured with
# /usr/bin/time -v for wall time and peak RSS. DESIGN budget: ≤ 0.25× the time and ≤ 0.3× the memory.
# Usage: tests/benchmarks/torchscript-vs-torch-onnx-export.sh [runs, default 3] [work folder, default a temp folder]
# Needs /usr/bin/python3 with torch and torchvision (Debian python3-torch, python3-torchvision); the .pt is traced
# here with random weights (weights=None, nothing downloaded).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
work=${2:-$(mktemp -d)}
trap 'rm -rf "$work"' EXIT
python=${MODELBUILD_PYTHON:-/usr/bin/python3}

# The converter as the package ships it (tools/net10.0/any/): the portable publish with this machine's ReadyToRun
# assemblies (src/ModelBuild.Tasks/ReadyToRunTool.targets), run through the dotnet host as the MSBuild targets do.
rid=$(dotnet --info | awk '/RID:/ {print $2; exit}')
dotnet msbuild -restore -v:q -nologo -tl:off src/ModelBuild.Tasks -t:_ModelBuild_PublishCli -p:Configuration=Release \
    -p:ModelBuildPackRuntimes="$rid" >/dev/null
cli=src/ModelBuild.Tasks/obj/cli-publish/Release/modelbuild.dll

"$python" - "$work/resnet18.pt" <<'PY'
import sys, torch, torchvision
torch.manual_seed(0)
model = torchvision.models.resnet18(weights=None).eval()
with torch.no_grad():
    torch.jit.trace(model, torch.randn(1, 3, 224, 224)).save(sys.argv[1])
PY
ls -l "$work/resnet18.pt"

# Runs are interleaved (modelbuild, torch, modelbuild, …) so that load from other work on the machine falls on both
# sides alike; each side reports its best (lowest wall time) run, with that run's peak RSS and CPU time (user +
# system; on a shared, loaded machine CPU time moves far less than wall time does).
mb_cmd=(dotnet "$cli" convert "$work/resnet18.pt" --input "x: float32[1,3,224,224]" --reference none --no-verify -o "$work/modelbuild.onnx")
pt_cmd=("$python" -c "
import sys, torch
model = torch.jit.load(sys.argv[1])
torch.onnx.export(model, torch.randn(1, 3, 224, 224), sys.argv[2], opset_version=17, input_names=['x'], output_names=['output'])
" "$work/resnet18.pt" "$work/torch.onnx")

run_once() { # label, command…: prints "<wall seconds> <peak KiB> <CPU seconds>"
    local label=$1; shift
    /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/$label.log" 2>&1 || { cat "$work/$label.log" >&2; exit 1; }
    awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (j = 1; j <= n; j++) s = s * 60 + p[j]; wall = s}
                /Maximum resident set size/ {kib = $2}
                /User time|System time/ {cpu += $2}
                END {print wall, kib, cpu}' "$work/time.txt"
}

uptime # the machine's load while measuring (also printed after)
mb_s="" pt_s=""
for ((i = 0; i < runs; i++)); do
    read -r s kib cpu < <(run_once modelbuild "${mb_cmd[@]}")
    if [[ -z $mb_s ]] || (( $(echo "$s < $mb_s" | bc -l) )); then mb_s=$s; mb_kib=$kib; mb_cpu=$cpu; fi
    read -r s kib cpu < <(run_once torch "${pt_cmd[@]}")
    if [[ -z $pt_s ]] || (( $(echo "$s < $pt_s" | bc -l) )); then pt_s=$s; pt_kib=$kib; pt_cpu=$cpu; fi
done
ls -l "$work/modelbuild.onnx" "$work/torch.onnx"

printf 'modelbuild convert:     %6.2f s, peak RSS %6d MiB, CPU %5.2f s\n' "$mb_s" "$((mb_kib / 1024))" "$mb_cpu"
printf 'torch.onnx.export:      %6.2f s, peak RSS %6d MiB, CPU %5.2f s\n' "$pt_s" "$((pt_kib / 1024))" "$pt_cpu"
printf 'ratios (modelbuild / torch): time %.2f× (budget ≤ 0.25×), memory %.2f× (budget ≤ 0.3×), CPU %.2f×; best of %d runs each\n' \
    "$(echo "$mb_s / $pt_s" | bc -l)" "$(echo "$mb_kib / $pt_kib" | bc -l)" "$(echo "$mb_cpu / $pt_cpu" | bc -l)" "$runs"
uptime
