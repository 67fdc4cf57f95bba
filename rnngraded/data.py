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


def generate_copy_task(batch_size: int, seq_len: int, vocab_size: int = 10,
                       generator: torch.Generator | None = None):
    """The copy task: read ``seq_len`` digits, then a delimiter, then reproduce the digits.

    ``inputs  = [x_1 .. x_N, DELIM, 0 .. 0]`` and ``targets = [0 .. 0, DELIM, x_1 .. x_N]``,
    both ``(B, 2N + 1)`` LongTensors, with ``DELIM = vocab_size``: the model needs
    ``vocab_size + 1`` input and output classes. The digits to copy sit at positions
    ``N + 1 ..``; :func:`copy_positions` selects them.
    """
    delim = vocab_size
    digits = torch.randint(0, vocab_size, (batch_size, seq_len), generator=generator)
    zeros = torch.zeros(batch_size, seq_len, dtype=torch.long)
    marker = torch.full((batch_size, 1), delim, dtype=torch.long)
    inputs = torch.cat([digits, marker, zeros], dim=1)
    targets = torch.cat([zeros, marker, digits], dim=1)
    return inputs, targets


def copy_positions(seq_len: int) -> slice:
    """The positions of the copy task's targets that hold the copied digits."""
    return slice(seq_len + 1, 2 * seq_len + 1)


PAD, SOS, EOS = 0, 1, 2
FIRST_SYMBOL = 3


def reversal_task(batch_size: int, min_len: int, max_len: int, n_symbols: int = 10,
                  generator: torch.Generator | None = None):
    """Sequence reversal: read ``x_1 .. x_n``, write ``x_n .. x_1`` then EOS.

    Tokens: ``PAD = 0``, ``SOS = 1``, ``EOS = 2`` and symbols ``3 .. 3 + n_symbols - 1`` (the
    vocabulary has ``n_symbols + 3`` tokens). Lengths are uniform in ``[min_len, max_len]``.
    Returns ``source (B, max_len)`` padded with PAD, ``lengths (B,)`` and
    ``target (B, max_len + 1)``: the reversed symbols, EOS, then PAD.
    """
    if not 1 <= min_len <= max_len:
        raise ValueError(f"need 1 <= min_len <= max_len, got {min_len}, {max_len}")
    lengths = torch.randint(min_len, max_len + 1, (batch_size,), generator=generator)
    symbols = torch.randint(FIRST_SYMBOL, FIRST_SYMBOL + n_symbols, (batch_size, max_len),
                            generator=generator)
    positions = torch.arange(max_len).unsqueeze(0)
    source = torch.where(positions < lengths.unsqueeze(1), symbols, PAD)
    target = torch.full((batch_size, max_len + 1), PAD, dtype=torch.long)
    for row, n in enumerate(lengths.tolist()):
        target[row, :n] = source[row, :n].flip(0)
        target[row, n] = EOS
    return source, lengths, target
