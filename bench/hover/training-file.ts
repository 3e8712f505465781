// A realistic ~5,000-line PyTorch/Keras training module for the hover benchmark: models, hand-written
// losses, training and evaluation loops with framework losses configured in every common way, and a
// few literal evaluations. Deterministic: block i always reads the same.

const HEADER = `"""Training utilities (generated for the LossLens hover benchmark)."""
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision.ops import sigmoid_focal_loss
from tensorflow import keras

GAMMA = 2.0
`;

function block(i: number): string {
  const h = 64 + (i % 5) * 32;
  const c = 2 + (i % 9);
  return `

class Encoder${i}(nn.Module):
    """Two-layer MLP encoder."""

    def __init__(self, in_features=${h}, hidden=${h * 2}, dropout=0.1):
        super().__init__()
        self.fc1 = nn.Linear(in_features, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.drop = nn.Dropout(dropout)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = self.drop(x)
        return F.gelu(self.fc2(x))


class Classifier${i}(nn.Module):
    def __init__(self, num_classes=${c}):
        super().__init__()
        self.encoder = Encoder${i}()
        self.head = nn.Linear(${h * 2}, num_classes)

    def forward(self, x):
        return self.head(self.encoder(x))


class FocalLoss${i}(nn.Module):
    def __init__(self, gamma: float = 2.0, alpha: float = 0.25, reduction: str = 'mean'):
        super().__init__()
        self.gamma = gamma
        self.alpha = alpha
        self.reduction = reduction

    def forward(self, logits, targets):
        bce = F.binary_cross_entropy_with_logits(logits, targets.float(), reduction='none')
        p_t = torch.exp(-bce)
        loss = self.alpha * (1 - p_t) ** self.gamma * bce
        return loss.mean() if self.reduction == 'mean' else loss.sum()


def train_epoch_${i}(model, loader, optimizer, device="cpu"):
    model.train()
    criterion = nn.CrossEntropyLoss(label_smoothing=0.${i % 3})
    regression = nn.HuberLoss(delta=${(0.5 + (i % 4) * 0.5).toFixed(1)})
    focal = FocalLoss${i}(gamma=${1 + (i % 3)}.0, alpha=0.25)
    total, seen = 0.0, 0
    for step, (inputs, labels) in enumerate(loader):
        inputs, labels = inputs.to(device), labels.to(device)
        optimizer.zero_grad()
        logits = model(inputs)
        loss = criterion(logits, labels)
        loss = loss + 0.1 * regression(logits.mean(dim=1), labels.float())
        loss = loss + focal(logits[:, 0], (labels == 0).float())
        loss = loss + F.cross_entropy(logits, labels, label_smoothing=0.05)
        loss = loss + sigmoid_focal_loss(logits[:, 0], (labels == 0).float(), gamma=GAMMA, reduction='mean')
        loss.backward()
        optimizer.step()
        total += loss.item() * inputs.size(0)
        seen += inputs.size(0)
    return total / max(seen, 1)


@torch.no_grad()
def evaluate_${i}(model, loader, device="cpu"):
    model.eval()
    correct, seen, nll = 0, 0, 0.0
    for inputs, labels in loader:
        logits = model(inputs.to(device))
        log_probs = F.log_softmax(logits, dim=1)
        nll += F.nll_loss(log_probs, labels.to(device), reduction='sum').item()
        correct += (logits.argmax(dim=1) == labels.to(device)).sum().item()
        seen += labels.numel()
    return correct / max(seen, 1), nll / max(seen, 1)


def outlier_demo_${i}():
    mse = F.mse_loss(torch.tensor([1., 2., 100.]), torch.tensor([1., 2., 3.]))
    mae = F.l1_loss(torch.tensor([1., 2., 100.]), torch.tensor([1., 2., 3.]))
    return mse, mae


def keras_model_${i}():
    model = keras.Sequential([
        keras.layers.Dense(${h}, activation='relu'),
        keras.layers.Dense(${c}, activation='softmax'),
    ])
    model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
    return model


def keras_focal_${i}():
    return keras.losses.BinaryFocalCrossentropy(gamma=${2 + (i % 2)}, from_logits=True)


def schedule_${i}(step, warmup=100, total=10000, base_lr=1e-3):
    if step < warmup:
        return base_lr * step / warmup
    progress = (step - warmup) / max(1, total - warmup)
    return base_lr * 0.5 * (1.0 + math.cos(math.pi * progress))
`;
}

/** About `lines` lines of Python. */
export function trainingFile(lines: number): string {
  let out = HEADER;
  for (let i = 0; out.split('\n').length < lines; i++) out += block(i);
  return out;
}
