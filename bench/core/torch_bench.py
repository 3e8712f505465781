"""PyTorch CPU side of bench/core/bench.mjs: loss + backward, float64, one thread. Prints JSON timings (ms, wall and CPU)."""
import json
import sys
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
torch.manual_seed(0)
dtype = torch.float64
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
n = 1_000_000
rows, classes = 100_000, 10

x = torch.randn(n, dtype=dtype)
y = torch.randn(n, dtype=dtype)
z = torch.randn(n, dtype=dtype) * 3
yb = (torch.rand(n, dtype=dtype) < 0.5).to(dtype)
logits = torch.randn(rows, classes, dtype=dtype) * 2
target = torch.randint(0, classes, (rows,))

cases = {
    'mseLoss': (x, lambda a: F.mse_loss(a, y)),
    'binaryCrossEntropyWithLogits': (z, lambda a: F.binary_cross_entropy_with_logits(a, yb)),
    'crossEntropy': (logits, lambda a: F.cross_entropy(a, target)),
    'huberLoss': (x * 2, lambda a: F.huber_loss(a, y)),
}

out = {'torch': torch.__version__, 'threads': torch.get_num_threads(), 'results': {}}
for name, (inp, f) in cases.items():
    wall, cpu = [], []
    for i in range(runs + 3):
        a = inp.detach().clone().requires_grad_(True)
        c0, t0 = time.process_time(), time.perf_counter()
        loss = f(a)
        loss.backward()
        t1, c1 = time.perf_counter(), time.process_time()
        if i >= 3:
            wall.append((t1 - t0) * 1000)
            cpu.append((c1 - c0) * 1000)
    wall.sort()
    cpu.sort()
    out['results'][name] = {'best': wall[0], 'median': wall[len(wall) // 2], 'cpuBest': cpu[0], 'cpuMedian': cpu[len(cpu) // 2]}
print(json.dumps(out))
