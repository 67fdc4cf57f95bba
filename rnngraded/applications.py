"""Task data for chapter 06 (applications): sessions of a recommender and dates to convert.

Everything is generated here, seeded, so that the chapter needs no download. The climate
series is the student's own exercise (``generate_climate_series`` in the notebook) and is not
here.
"""

from __future__ import annotations

import calendar
import datetime

import numpy as np
import torch

# --- sessions of a recommender ------------------------------------------------------------------


def generate_sessions(n_sessions: int, n_categories: int = 10, items_per_category: int = 20,
                      min_len: int = 6, max_len: int = 20, seed: int = 0) -> dict:
    """Synthetic viewing sessions with structure a model can learn.

    Items ``0 .. n_categories * items_per_category - 1``; item ``i`` belongs to category
    ``i // items_per_category`` and is the ``i % items_per_category``-th episode of it, and
    episode ``j`` has popularity ``1 / (j + 1)``. A session keeps a current and a previous
    category; each next item comes from one of three habits, drawn afresh at every step:

    * **binge** (probability 0.5): the next episode of the current category, after a short gap
      (about 2 minutes);
    * **browse** (0.3): an item of the current category drawn by popularity, after about 15
      minutes;
    * **return** (0.2): back to the previous category (the two swap), an item drawn by
      popularity, after about 2 hours.

    Gaps are log-normal around those medians. The gap before an item tells the habit that chose
    it, which the items alone cannot: a model that knows the gap before the item it must
    predict (the time at which the suggestion is requested) can rank better. Returns a dict of
    numpy arrays: ``items``, ``categories`` (int64, ``(S, max_len)``, padded with -1 after each
    session's end), ``gaps`` (float64 minutes before each item, 0 for the first and for padding)
    and ``lengths`` (S,), plus ``n_items`` and ``n_categories``.
    """
    rng = np.random.default_rng(seed)
    n_items = n_categories * items_per_category
    popularity = 1.0 / np.arange(1, items_per_category + 1)
    popularity /= popularity.sum()
    S = n_sessions
    lengths = rng.integers(min_len, max_len + 1, size=S)
    items = np.full((S, max_len), -1, dtype=np.int64)
    gaps = np.zeros((S, max_len))
    current = rng.integers(0, n_categories, size=S)
    previous = (current + rng.integers(1, n_categories, size=S)) % n_categories
    episode = rng.choice(items_per_category, size=S, p=popularity)
    items[:, 0] = current * items_per_category + episode
    for t in range(1, max_len):
        habit = rng.choice(3, size=S, p=[0.5, 0.3, 0.2])  # binge, browse, return
        back = habit == 2
        current, previous = np.where(back, previous, current), np.where(back, current, previous)
        popular = rng.choice(items_per_category, size=S, p=popularity)
        episode = np.where(habit == 0, (episode + 1) % items_per_category, popular)
        median = np.array([2.0, 15.0, 120.0])[habit]
        gap = median * np.exp(0.5 * rng.standard_normal(S))
        alive = t < lengths
        items[:, t] = np.where(alive, current * items_per_category + episode, -1)
        gaps[:, t] = np.where(alive, gap, 0.0)
    categories = np.where(items >= 0, items // items_per_category, -1)
    return {"items": items, "categories": categories, "gaps": gaps, "lengths": lengths,
            "n_items": n_items, "n_categories": n_categories}


# --- dates to convert -----------------------------------------------------------------------------

MONTHS = list(calendar.month_name)[1:]
MONTHS_SHORT = list(calendar.month_abbr)[1:]
PAD, SOS, EOS = 0, 1, 2
DATE_CHARS = sorted(set("".join(MONTHS) + "0123456789 ,-"))
DATE_VOCAB = ["<pad>", "<sos>", "<eos>", *DATE_CHARS]
CHAR_ID = {c: i for i, c in enumerate(DATE_VOCAB)}


def date_pairs(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` (written date, ISO date) pairs, dates uniform in 1950-2049, in three written
    formats: "March 15, 2024", "15 March 2024" and "Mar 15 2024"."""
    rng = np.random.default_rng(seed)
    start = datetime.date(1950, 1, 1).toordinal()
    days = rng.integers(0, datetime.date(2049, 12, 31).toordinal() - start + 1, size=n)
    formats = rng.integers(0, 3, size=n)
    pairs = []
    for day, kind in zip(days.tolist(), formats.tolist(), strict=True):
        d = datetime.date.fromordinal(start + day)
        month = MONTHS[d.month - 1]
        written = (f"{month} {d.day}, {d.year}", f"{d.day} {month} {d.year}",
                   f"{MONTHS_SHORT[d.month - 1]} {d.day} {d.year}")[kind]
        pairs.append((written, d.isoformat()))
    return pairs


def encode_dates(texts: list[str], with_eos: bool = False) -> torch.Tensor:
    """Character ids ``(N, longest)`` padded with PAD (0); EOS appended when ``with_eos``."""
    rows = [[CHAR_ID[c] for c in text] + ([EOS] if with_eos else []) for text in texts]
    out = torch.full((len(rows), max(len(r) for r in rows)), PAD, dtype=torch.long)
    for i, row in enumerate(rows):
        out[i, :len(row)] = torch.tensor(row)
    return out


def decode_dates(ids) -> list[str]:
    """Strings from rows of character ids, stopping at the first EOS (PAD and SOS dropped)."""
    texts = []
    for row in torch.as_tensor(ids).tolist():
        chars = []
        for i in row:
            if i == EOS:
                break
            if i > EOS:
                chars.append(DATE_VOCAB[i])
        texts.append("".join(chars))
    return texts
