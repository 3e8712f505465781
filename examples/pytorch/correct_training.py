"""Loss functions wired the right way: LossLens reports nothing here."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Tagger(nn.Module):
    """Multi-class head plus a multi-label head on a shared encoder."""

    def __init__(self, in_features: int = 128, classes: int = 5, tags: int = 8):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(in_features, 64), nn.ReLU())
        self.class_head = nn.Linear(64, classes)
        self.tag_head = nn.Linear(64, tags)

    def forward(self, x):
        h = self.encoder(x)
        return self.class_head(h), self.tag_head(h)


def training_loss(model, x, class_ids, tag_targets):
    class_logits, tag_logits = model(x)
    # Raw logits: both losses apply their own (log-)softmax / sigmoid, stably.
    ce = nn.CrossEntropyLoss(label_smoothing=0.1)(class_logits, class_ids)
    bce = F.binary_cross_entropy_with_logits(tag_logits, tag_targets)
    return ce + bce


def nll_variant(model, x, class_ids):
    class_logits, _ = model(x)
    log_probs = F.log_softmax(class_logits, dim=1)
    return F.nll_loss(log_probs, class_ids)


def distillation_loss(student_logits, teacher_logits, temperature: float = 2.0):
    student_log_probs = F.log_softmax(student_logits / temperature, dim=1)
    teacher_probs = F.softmax(teacher_logits / temperature, dim=1)
    return F.kl_div(student_log_probs, teacher_probs, reduction="batchmean") * temperature**2


def predict(model, x):
    # Softmax for reporting probabilities is fine: no loss sees it.
    class_logits, _ = model(x)
    return F.softmax(class_logits, dim=1)


if __name__ == "__main__":
    model = Tagger()
    x = torch.randn(16, 128)
    loss = training_loss(model, x, torch.randint(0, 5, (16,)), torch.randint(0, 2, (16, 8)).float())
    loss.backward()
    print(float(loss), float(nll_variant(model, x, torch.randint(0, 5, (16,)))))
