"""Knowledge distillation with a few classic loss mistakes (LossLens finds each one)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Student(nn.Module):
    def __init__(self, n_features: int = 64, n_classes: int = 10):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_features, 128), nn.ReLU())
        self.head = nn.Linear(128, n_classes)

    def forward(self, x):
        return self.head(self.body(x))


student = Student()
kl = nn.KLDivLoss()  # defaults to reduction='mean': not the KL divergence
nll = nn.NLLLoss()


def distillation_loss(x, teacher_logits, labels, temperature: float = 2.0):
    student_probs = F.softmax(student(x) / temperature, dim=1)
    teacher_probs = F.softmax(teacher_logits / temperature, dim=1)
    soft = kl(student_probs, teacher_probs)  # KLDivLoss wants log-probabilities as its input
    hard = nll(F.softmax(student(x), dim=1), labels)  # NLLLoss wants log-probabilities too
    return soft * temperature**2 + hard


def student_nll(x, labels):
    # log of a softmax underflows to -inf for confident predictions: log_softmax is exact
    log_probs = torch.log(F.softmax(student(x), dim=1))
    return F.nll_loss(log_probs, labels)


def legacy_regression(pred, target):
    return F.mse_loss(pred, target, size_average=False)
