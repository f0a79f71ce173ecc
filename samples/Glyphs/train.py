"""Trains the Glyphs sample's model: a small CNN that reads 8x8 pixel digits 0-9.

Run with Debian's PyTorch 1.13:  /usr/bin/python3 samples/Glyphs/train.py
Deterministic (fixed seeds, one thread): re-running writes the same files. It writes, beside this script:
  models/glyphs.onnx      the model, exported by torch.onnx.export (opset 13, dynamic batch): the ModelAsset
  models/glyphs.pt        the same model traced to TorchScript, the asset once ModelBuild reads TorchScript
  models/glyphs.ref.npz   inputs and the outputs PyTorch computed for them: ModelBuild's equivalence gate
                          compares the converted model against these at build time
  glyphs.txt              ten glyphs the app reads and classifies (not seen in training)
"""
import os
import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(0)
torch.set_num_threads(1)
rng = np.random.default_rng(0)

# Digits drawn on a 5x7 grid, as on a pocket calculator's dot matrix.
FONT = {
    0: ["01110", "10001", "10011", "10101", "11001", "10001", "01110"],
    1: ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
    2: ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
    3: ["11111", "00010", "00100", "00010", "00001", "10001", "01110"],
    4: ["00010", "00110", "01010", "10010", "11111", "00010", "00010"],
    5: ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
    6: ["00110", "01000", "10000", "11110", "10001", "10001", "01110"],
    7: ["11111", "00001", "00010", "00100", "01000", "01000", "01000"],
    8: ["01110", "10001", "10001", "01110", "10001", "10001", "01110"],
    9: ["01110", "10001", "10001", "01111", "00001", "00010", "01100"],
}
GLYPH = {d: np.array([[c == "1" for c in row] for row in rows], dtype=np.float32) for d, rows in FONT.items()}


def draw(digit, rng, noise=0.06):
    """One 8x8 image: the 5x7 digit at a random offset, some pixels flipped, intensities jittered."""
    image = np.zeros((8, 8), dtype=np.float32)
    dy, dx = rng.integers(0, 2), rng.integers(0, 4)
    image[dy:dy + 7, dx:dx + 5] = GLYPH[digit]
    flip = rng.random((8, 8)) < noise
    image[flip] = 1.0 - image[flip]
    image *= rng.uniform(0.7, 1.0, (8, 8)).astype(np.float32)
    return image


def dataset(n, rng):
    labels = rng.integers(0, 10, n)
    return np.stack([draw(d, rng) for d in labels])[:, None], labels


class GlyphNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(32 * 4 * 4, 64), nn.ReLU(), nn.Linear(64, 10))

    def forward(self, x):
        return self.classifier(self.features(x))


train_x, train_y = dataset(8000, rng)
test_x, test_y = dataset(2000, rng)
model = GlyphNet()
optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
loss_fn = nn.CrossEntropyLoss()
tx, ty = torch.from_numpy(train_x), torch.from_numpy(train_y)
for epoch in range(6):
    order = torch.randperm(len(tx))
    for i in range(0, len(tx), 64):
        batch = order[i:i + 64]
        optimizer.zero_grad()
        loss_fn(model(tx[batch]), ty[batch]).backward()
        optimizer.step()
model.eval()
with torch.no_grad():
    accuracy = (model(torch.from_numpy(test_x)).argmax(1).numpy() == test_y).mean()
print(f"held-out accuracy: {accuracy:.4f} on {len(test_y)} generated glyphs")
assert accuracy > 0.95, "training did not reach 95%"

# Ten glyphs for the app, one of each digit in a shuffled order, drawn like the test set but with half its
# pixel noise, so that a person can read them too.
sample_rng = np.random.default_rng(2024)
digits = sample_rng.permutation(10)
glyphs = np.stack([draw(d, sample_rng, noise=0.03) for d in digits])[:, None]
with open(os.path.join(HERE, "glyphs.txt"), "w") as f:
    f.write("# Ten 8x8 glyphs for the Glyphs sample: one line per glyph, 64 pixel intensities 0-9 row by row.\n")
    for d, g in zip(digits, glyphs):
        f.write(f"{d} " + "".join(str(int(round(v * 9))) for v in g.reshape(-1)) + "\n")
# The app sees the quantized pixels, so the reference inputs are the same values.
with open(os.path.join(HERE, "glyphs.txt")) as f:
    rows = [line.split() for line in f if not line.startswith("#")]
app_input = np.stack([np.array([int(c) / 9.0 for c in pixels], dtype=np.float32).reshape(1, 8, 8) for _, pixels in rows])

os.makedirs(os.path.join(HERE, "models"), exist_ok=True)
# The asset: the model traced to TorchScript, which ModelBuild converts to ONNX at build time.
torch.jit.trace(model, torch.from_numpy(app_input)).save(os.path.join(HERE, "models", "glyphs.pt"))
onnx_path = os.path.join(HERE, "models", "glyphs.onnx")
torch.onnx.export(model, torch.from_numpy(app_input), onnx_path, input_names=["x"], output_names=["output"],
                  dynamic_axes={"x": {0: "batch"}, "output": {0: "batch"}}, opset_version=13)
with torch.no_grad():
    logits = model(torch.from_numpy(app_input)).numpy()
np.savez(os.path.join(HERE, "models", "glyphs.ref.npz"), **{"input.x": app_input, "output.output": logits})
print("predictions on glyphs.txt:", logits.argmax(1).tolist(), "expected:", digits.tolist())
