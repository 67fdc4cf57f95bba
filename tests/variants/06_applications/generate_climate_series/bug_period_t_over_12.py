# expect: dominant period
# why: sin(t / 12) instead of sin(2 pi t / 12): a cycle of about 75 months.
def generate_climate_series(n_months, seed=0, trend=0.02, noise=1.0):
    t = np.arange(n_months, dtype=np.float64)
    rng = np.random.default_rng(seed)
    return 15.0 + 10.0 * np.sin(t / 12) + trend * t + noise * rng.standard_normal(n_months)
