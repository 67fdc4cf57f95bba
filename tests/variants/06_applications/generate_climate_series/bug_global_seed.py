# expect: global random state
# why: seeds numpy's global generator: reproducible, but it resets the caller's random numbers.
def generate_climate_series(n_months, seed=0, trend=0.02, noise=1.0):
    np.random.seed(seed)
    t = np.arange(n_months, dtype=np.float64)
    return 15.0 + 10.0 * np.sin(2 * np.pi * t / 12) + trend * t + noise * np.random.randn(n_months)
