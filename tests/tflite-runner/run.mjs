// Runs a .tflite model with LiteRT.js (@litertjs/core: Google's TFLite/LiteRT kernels compiled to WASM) under
// Node, for ModelBuild's tests. No network: the WASM builds ship inside the npm package.
//
//   node run.mjs request.json
//
// request.json: { "model": "m.tflite",
//                 "runs": [ { "inputs": [ { "file": "in0.bin", "shape": [1,3,8,8] } ], "outputDir": "out0" } ] }
// Inputs are raw little-endian float32, in the order of the model's subgraph inputs. For each run the runner
// writes outputDir/output<i>.bin (float32) and outputDir/outputs.json: [ { "name", "shape", "file" } ] in the
// order of the subgraph outputs. Exit code 0 on success; on failure a message on stderr and exit code 1.
//
// LiteRT.js is documented for browsers; four shims make its loader work under Node 20 (see the research notes
// on target formats, section 3.4): `self`, `importScripts` (evaluates the emscripten glue), `require` and
// `__dirname` (where the glue finds its .wasm).
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const wasmDir = path.join(here, 'node_modules', '@litertjs', 'core', 'wasm');

globalThis.self = globalThis;
globalThis.importScripts = (url) => vm.runInThisContext(fs.readFileSync(fileURLToPath(url), 'utf8'));
globalThis.require = createRequire(import.meta.url);
globalThis.__dirname = wasmDir;

function fail(message) {
  process.stderr.write(`tflite-runner: ${message}\n`);
  process.exit(1);
}

async function main() {
  const requestPath = process.argv[2];
  if (!requestPath) fail('usage: node run.mjs request.json');
  const request = JSON.parse(fs.readFileSync(requestPath, 'utf8'));
  const base = path.dirname(path.resolve(requestPath));
  const resolve = (p) => path.resolve(base, p);

  // The WebGPU probe logs "navigator is not defined" and falls back to the CPU; keep that out of our output.
  const warn = console.warn;
  const error = console.error;
  console.warn = () => {};
  console.error = () => {};
  const { loadLiteRt, loadAndCompile, Tensor } = await import('@litertjs/core');
  await loadLiteRt(pathToFileURL(wasmDir + path.sep).href);
  const model = await loadAndCompile(new Uint8Array(fs.readFileSync(resolve(request.model))), { accelerator: 'wasm' });
  console.warn = warn;
  console.error = error;

  const outputDetails = model.getOutputDetails();
  for (const run of request.runs) {
    const inputs = run.inputs.map((input) => {
      const bytes = fs.readFileSync(resolve(input.file));
      // A Buffer may sit at any offset of a shared pool; copy so the Float32Array view is aligned and exact.
      const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      return new Tensor(values, input.shape);
    });
    const outputs = await model.run(inputs);
    const outDir = resolve(run.outputDir);
    fs.mkdirSync(outDir, { recursive: true });
    const manifest = [];
    for (let i = 0; i < outputs.length; i++) {
      const cpu = await outputs[i].moveTo('wasm');
      const values = cpu.toTypedArray();
      const file = `output${i}.bin`;
      fs.writeFileSync(path.join(outDir, file), Buffer.from(values.buffer, values.byteOffset, values.byteLength));
      manifest.push({ name: outputDetails[i]?.name ?? `output${i}`, shape: Array.from(outputDetails[i]?.shape ?? []), dtype: cpu.type?.dtype ?? 'float32', file });
      cpu.delete?.();
      outputs[i].delete?.();
    }
    inputs.forEach((t) => t.delete?.());
    fs.writeFileSync(path.join(outDir, 'outputs.json'), JSON.stringify(manifest));
  }
  model.delete?.();
}

main().catch((e) => fail(e?.stack ?? String(e)));
