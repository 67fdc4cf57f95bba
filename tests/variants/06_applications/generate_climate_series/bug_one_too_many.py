# expect: t runs over 0 .. n_months - 1
# why: months 0 .. n_months inclusive: one value too many.
def generate_climate_series(n_months, seed=0, trend=0.02, noise=1.0):
    t = np.arange(n_months + 1, dtype=np.float64)
    rng = np.random.default_rng(seed)
    return 15.0 + 10.0 * np.sin(2 * np.pi * t / 12) + trend * t + noise * rng.standard_normal(n_months + 1)
