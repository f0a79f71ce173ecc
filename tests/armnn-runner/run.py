"""Runs a .tflite model with Arm NN's CpuRef backend (Debian python3-pyarmnn + libarmnn-cpuref-backend22), as a
second opinion beside LiteRT.js for ModelBuild's TFLite writer tests.

    /usr/bin/python3 run.py model.tflite out_dir in0.npy [in1.npy ...]

Inputs are .npy files in the order of the model's subgraph inputs, already in the model's layout; each output i
is written to out_dir/output<i>.npy in the order of the subgraph outputs. Exit 0 on success, 1 with a message on
stderr otherwise; exit 3 when Arm NN is not usable here (the tests then report themselves skipped).
"""
import os
import sys

import numpy as np


def main():
    if len(sys.argv) < 4:
        sys.stderr.write("usage: run.py model.tflite out_dir in0.npy [...]\n")
        return 1
    model, out_dir, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
    try:
        # pyarmnn prints notes about parsers it was built without; they are not errors.
        devnull = os.open(os.devnull, os.O_WRONLY)
        saved = os.dup(1), os.dup(2)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            import pyarmnn as ann
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
    except ImportError as e:
        sys.stderr.write(f"pyarmnn is not installed: {e}\n")
        return 3
    parser = ann.ITfLiteParser()
    network = parser.CreateNetworkFromBinaryFile(model)
    runtime = ann.IRuntime(ann.CreationOptions())
    try:
        optimized, _ = ann.Optimize(network, [ann.BackendId("CpuRef")], runtime.GetDeviceSpec(), ann.OptimizerOptions())
    except RuntimeError as e:
        sys.stderr.write(f"Arm NN has no usable CpuRef backend: {e}\n")
        return 3
    net_id, _ = runtime.LoadNetwork(optimized)
    input_names = parser.GetSubgraphInputTensorNames(0)
    if len(input_names) != len(inputs):
        sys.stderr.write(f"the model has {len(input_names)} inputs, {len(inputs)} given\n")
        return 1
    bindings = [parser.GetNetworkInputBindingInfo(0, n) for n in input_names]
    arrays = [np.ascontiguousarray(np.load(p).astype(np.float32)) for p in inputs]
    outputs_info = [parser.GetNetworkOutputBindingInfo(0, n) for n in parser.GetSubgraphOutputTensorNames(0)]
    outputs = ann.make_output_tensors(outputs_info)
    runtime.EnqueueWorkload(net_id, ann.make_input_tensors(bindings, arrays), outputs)
    os.makedirs(out_dir, exist_ok=True)
    for i, value in enumerate(ann.workload_tensors_to_ndarray(outputs)):
        np.save(os.path.join(out_dir, f"output{i}.npy"), np.asarray(value, dtype=np.float32))
    return 0


if __name__ == "__main__":
    sys.exit(main())
