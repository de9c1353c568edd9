"""The 3D CNN of org.painlab.imaging.dl in PyTorch for Python, for releng/bench/cnn-vs-pytorch.sh only.

Same network (Conv3d 8-16-32 with padding 1, BatchNorm, ReLU, 2x2x2 max pool after the first two stages,
global average pool, dense to 2 logits), loss (softmax cross-entropy), optimiser (Adam, fixed rate),
batch size and per-batch work (loss and accuracy read back every batch, as the Java trainer does for its
live curve), on the volumes the Java side wrote: DIR/volumes.f32 (float32, little-endian, N x S^3, already
resampled and normalised) and DIR/labels.u8. Prints one line per epoch: "epoch E SECONDS LOSS ACCURACY".
usage: cnn_pytorch.py DIR N S EPOCHS BATCH LEARNING_RATE THREADS SEED
"""
import sys
import time

import numpy as np
import torch
from torch import nn


def network():
    layers = []
    channels = 1
    for stage, filters in enumerate((8, 16, 32)):
        layers += [nn.Conv3d(channels, filters, 3, padding=1), nn.BatchNorm3d(filters), nn.ReLU()]
        if stage < 2:
            layers.append(nn.MaxPool3d(2, 2))
        channels = filters
    layers += [nn.AdaptiveAvgPool3d(1), nn.Flatten(), nn.Linear(channels, 2)]
    return nn.Sequential(*layers)


def main():
    folder, n, s, epochs, batch, rate, threads, seed = sys.argv[1:9]
    n, s, epochs, batch, threads, seed = int(n), int(s), int(epochs), int(batch), int(threads), int(seed)
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    x = np.fromfile(folder + "/volumes.f32", dtype="<f4").reshape(n, 1, s, s, s)
    y = np.fromfile(folder + "/labels.u8", dtype=np.uint8).astype(np.int64)
    net = network()
    net.train()
    optimiser = torch.optim.Adam(net.parameters(), lr=float(rate))
    loss_fn = nn.CrossEntropyLoss()
    order = np.random.default_rng(seed)
    print("pytorch", torch.__version__, "threads", torch.get_num_threads(), flush=True)
    for epoch in range(1, epochs + 1):
        t0 = time.perf_counter()
        index = order.permutation(n)
        loss_sum = 0.0
        correct = 0
        for start in range(0, n, batch):
            part = index[start:start + batch]
            xb = torch.from_numpy(x[part])
            yb = torch.from_numpy(y[part])
            optimiser.zero_grad()
            logits = net(xb)
            loss = loss_fn(logits, yb)
            loss.backward()
            optimiser.step()
            loss_sum += loss.item() * len(part)
            correct += int((logits.argmax(1) == yb).sum().item())
        seconds = time.perf_counter() - t0
        print("epoch %d %.4f %.5f %.4f" % (epoch, seconds, loss_sum / n, correct / n), flush=True)


if __name__ == "__main__":
    main()
