"""One plot style for every chapter."""

import matplotlib as mpl
import seaborn as sns

COURSE_RC = {
    "figure.figsize": (8, 4.5),
    "figure.dpi": 100,
    "axes.titlesize": 13,
    "axes.labelsize": 11,
    "legend.fontsize": 9,
    "legend.framealpha": 0.85,
    "lines.linewidth": 1.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def use_course_style() -> None:
    """Seaborn's whitegrid theme with a colour-blind palette and the course's sizes."""
    sns.set_theme(style="whitegrid", palette="colorblind")
    mpl.rcParams.update(COURSE_RC)
