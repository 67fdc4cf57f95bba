# expect: no trend
# why: forgets the trend term.
def generate_climate_series(n_months, seed=0, trend=0.02, noise=1.0):
    t = np.arange(n_months, dtype=np.float64)
    rng = np.random.default_rng(seed)
    return 15.0 + 10.0 * np.sin(2 * np.pi * t / 12) + noise * rng.standard_normal(n_months)
