#!/usr/bin/env bash
# Measures what ModelBuild adds to a no-op `dotnet build` (DESIGN budget: at most 10%): the same console app
# built with three ModelAsset items and with none, each built once and then RUNS times with nothing changed;
# prints the median wall time of the no-op builds of each and the overhead.
#
# Usage: tests/benchmarks/noop-build-overhead.sh [RUNS]      (from the repository root; needs the repo built:
#        dotnet build src/ModelBuild.Tasks && dotnet build src/ModelBuild.Cli)
set -euo pipefail
runs=${1:-7}
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_NOLOGO=1

make_project() { # $1 = folder, $2 = item lines
  mkdir -p "$1/models"
  cp "$repo/tests/fixtures/mlp/mlp.onnx" "$1/models/a.onnx"
  cp "$repo/tests/fixtures/mlp/mlp.onnx" "$1/models/b.onnx"
  cp "$repo/tests/fixtures/cnn/cnn.onnx" "$1/models/c.onnx"
  cat > "$1/Directory.Build.targets" <<XML
<Project>
  <PropertyGroup>
    <ModelBuildTasksAssembly>$repo/src/ModelBuild.Tasks/bin/Debug/netstandard2.0/ModelBuild.Tasks.dll</ModelBuildTasksAssembly>
    <ModelBuildToolPath>$repo/src/ModelBuild.Cli/bin/Debug/net10.0/modelbuild.dll</ModelBuildToolPath>
  </PropertyGroup>
  <Import Project="$repo/build/ModelBuild.props" />
  <Import Project="$repo/build/ModelBuild.targets" />
</Project>
XML
  cat > "$1/app.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
  <ItemGroup>$2</ItemGroup>
</Project>
XML
  echo 'Console.WriteLine("hello");' > "$1/Program.cs"
  dotnet build "$1" -tl:off -v:q -nologo > "$1/first.log" 2>&1 || { cat "$1/first.log"; exit 1; }
}

median_noop_ms() { # $1 = folder
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    dotnet build "$1" --no-restore -tl:off -v:q -nologo > /dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

make_project "$work/without" ""
make_project "$work/with" '<ModelAsset Include="models/a.onnx" Reference="none" /><ModelAsset Include="models/b.onnx" Reference="none" /><ModelAsset Include="models/c.onnx" Reference="none" />'
# Interleave the two so a busy machine slows both alike.
without=$(median_noop_ms "$work/without"); with=$(median_noop_ms "$work/with")
without2=$(median_noop_ms "$work/without"); with2=$(median_noop_ms "$work/with")
without=$(( (without + without2) / 2 )); with=$(( (with + with2) / 2 ))
echo "no-op build, median of $runs (twice, interleaved): without assets ${without} ms, with 3 assets ${with} ms"
awk -v a="$without" -v b="$with" 'BEGIN { printf "overhead: %+.1f%% (budget: 10%%)\n", (b - a) * 100 / a }'
