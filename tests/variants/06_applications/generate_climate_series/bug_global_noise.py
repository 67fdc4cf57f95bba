# expect: same seed gave different series
# why: draws the noise from numpy's global state, ignoring the seed.
def generate_climate_series(n_months, seed=0, trend=0.02, noise=1.0):
    t = np.arange(n_months, dtype=np.float64)
    return 15.0 + 10.0 * np.sin(2 * np.pi * t / 12) + trend * t + np.random.normal(0.0, noise, n_months)
