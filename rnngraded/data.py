"""Task data shared by the chapters. Every generator takes a ``torch.Generator`` for seeding."""

import math

import torch


def adding_problem(batch_size: int, seq_len: int, generator: torch.Generator | None = None):
    """The adding problem: sum the two numbers marked with a 1.

    Returns ``inputs (B, T, 2)`` whose channel 0 holds uniform numbers in [0, 1) and channel 1
    a mask with exactly two ones, and ``targets (B,)``, the sum of the two marked numbers.
    The first mark falls in the first half of the sequence and the second in the second half,
    so the network must carry the first number across at least ``seq_len // 2`` steps.
    """
    if seq_len < 2:
        raise ValueError(f"seq_len must be at least 2, got {seq_len}")
    numbers = torch.rand(batch_size, seq_len, generator=generator)
    half = seq_len // 2
    first = torch.randint(0, half, (batch_size,), generator=generator)
    second = torch.randint(half, seq_len, (batch_size,), generator=generator)
    mask = torch.zeros(batch_size, seq_len)
    rows = torch.arange(batch_size)
    mask[rows, first] = 1.0
    mask[rows, second] = 1.0
    targets = (numbers * mask).sum(dim=1)
    return torch.stack([numbers, mask], dim=-1), targets


def sine_waves(batch_size: int, seq_len: int, generator: torch.Generator | None = None):
    """Sine waves with random frequency and phase, shaped ``(B, T, 1)``."""
    freq = 0.1 + 0.4 * torch.rand(batch_size, 1, generator=generator)
    phase = 2 * math.pi * torch.rand(batch_size, 1, generator=generator)
    t = torch.arange(seq_len, dtype=torch.float32).unsqueeze(0)
    return torch.sin(freq * t + phase).unsqueeze(-1)
