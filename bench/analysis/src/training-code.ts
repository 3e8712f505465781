// Realistic deep-learning source for the keystroke benchmarks: PyTorch modules, training and
// evaluation loops, hand-written losses, Keras models; a few blocks carry the mistakes LossLens
// looks for so the rules have real work. Deterministic: block i always reads the same.

const HEADER = `"""Training entry point (generated for the LossLens keystroke benchmark)."""
import math
import os
import random

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset
`;

/** One block of about 100 lines; `i` makes names unique. */
function block(i: number): string {
  const h = 64 + (i % 5) * 32;
  const c = 2 + (i % 9);
  return `

class Encoder${i}(nn.Module):
    """Two-layer MLP encoder with dropout."""

    def __init__(self, in_features=${h}, hidden=${h * 2}, dropout=0.1):
        super().__init__()
        self.fc1 = nn.Linear(in_features, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.norm = nn.LayerNorm(hidden)
        self.drop = nn.Dropout(dropout)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = self.drop(x)
        return self.norm(F.gelu(self.fc2(x)))


class Classifier${i}(nn.Module):
    def __init__(self, num_classes=${c}):
        super().__init__()
        self.encoder = Encoder${i}()
        self.head = nn.Linear(${h * 2}, num_classes)
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        features = self.encoder(x)
        logits = self.head(features)
        return self.softmax(logits)


class PairDataset${i}(Dataset):
    def __init__(self, n=1024):
        self.x = torch.randn(n, ${h})
        self.y = torch.randint(0, ${c}, (n,))

    def __len__(self):
        return len(self.x)

    def __getitem__(self, idx):
        return self.x[idx], self.y[idx]


def focal_loss_${i}(logits, targets, gamma=2.0):
    log_p = F.log_softmax(logits, dim=-1)
    log_pt = log_p.gather(1, targets.unsqueeze(1)).squeeze(1)
    pt = log_pt.exp()
    return (-(1 - pt) ** gamma * log_pt).mean()


def train_epoch_${i}(model, loader, optimizer, device="cpu"):
    model.train()
    criterion = nn.CrossEntropyLoss()
    total, seen = 0.0, 0
    for step, (inputs, labels) in enumerate(loader):
        inputs, labels = inputs.to(device), labels.to(device)
        optimizer.zero_grad()
        probs = model(inputs)
        loss = criterion(probs, labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        total += loss.item() * inputs.size(0)
        seen += inputs.size(0)
        if step % 50 == 0:
            print(f"step {step}: loss {total / max(seen, 1):.4f}")
    return total / max(seen, 1)


@torch.no_grad()
def evaluate_${i}(model, loader):
    model.eval()
    correct = 0
    for inputs, labels in loader:
        logits = model.head(model.encoder(inputs))
        preds = logits.argmax(dim=1)
        correct += (preds == labels).sum().item()
        bce = nn.BCELoss()
        score = torch.sigmoid(logits[:, 0])
        _ = bce(score, (labels == 0).float())
    return correct / len(loader.dataset)


def run_${i}(epochs=${1 + (i % 4)}, lr=${(1e-3 * (1 + (i % 3))).toFixed(4)}):
    model = Classifier${i}()
    loader = DataLoader(PairDataset${i}(), batch_size=32, shuffle=True)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs)
    for epoch in range(epochs):
        loss = train_epoch_${i}(model, loader, optimizer)
        scheduler.step()
        acc = evaluate_${i}(model, loader)
        print(f"epoch {epoch}: loss {loss:.4f} acc {acc:.3f}")
    kl = nn.KLDivLoss(reduction="batchmean")
    student = F.log_softmax(torch.randn(8, ${c}), dim=1)
    teacher = F.softmax(torch.randn(8, ${c}), dim=1)
    return kl(student, teacher)
`;
}

const KERAS = `

def keras_model(units=10):
    from tensorflow import keras
    model = keras.Sequential([
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(units, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
`;

/** A training script of at least `lines` lines. */
export function trainingFile(lines: number): string {
  let text = HEADER + KERAS;
  for (let i = 0; countLines(text) < lines; i++) text += block(i);
  return text;
}

export function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * A 20-file project: network.py (the models), train.py (imports network and the helpers), and 18
 * helper modules that import network and one another (module k imports k-1 and k-2), so editing
 * network.py invalidates every other file.
 */
export function crossFileProject(): Map<string, string> {
  const files = new Map<string, string>();
  let network = HEADER;
  for (let i = 0; i < 4; i++) network += block(i);
  files.set('network.py', network);
  for (let k = 0; k < 18; k++) {
    const imports = [`from network import Classifier${k % 4}, focal_loss_${k % 4}`];
    if (k >= 1) imports.push(`from helpers_${k - 1} import make_criterion_${k - 1}`);
    if (k >= 2) imports.push(`import helpers_${k - 2}`);
    files.set(
      `helpers_${k}.py`,
      `import torch
import torch.nn as nn
import torch.nn.functional as F
${imports.join('\n')}


def make_model_${k}():
    return Classifier${k % 4}()


def make_criterion_${k}(label_smoothing=0.0):
    return nn.CrossEntropyLoss(label_smoothing=label_smoothing)


def step_${k}(model, inputs, labels):
    criterion = make_criterion_${k}()
    outputs = model(inputs)
    return criterion(outputs, labels) + 0.1 * focal_loss_${k % 4}(outputs, labels)
`,
    );
  }
  files.set(
    'train.py',
    `import torch
from network import Classifier0, Encoder0
import helpers_17
import helpers_16


def main():
    model = Classifier0()
    inputs = torch.randn(32, 64)
    labels = torch.randint(0, 2, (32,))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(10):
        optimizer.zero_grad()
        loss = helpers_17.step_17(model, inputs, labels) + helpers_16.step_16(model, inputs, labels)
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    main()
`,
  );
  return files;
}
