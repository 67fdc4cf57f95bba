# expect: Gaussian
# why: uniform noise of the right standard deviation instead of a normal one.
def generate_climate_series(n_months, seed=0, trend=0.02, noise=1.0):
    t = np.arange(n_months, dtype=np.float64)
    rng = np.random.default_rng(seed)
    half_width = noise * np.sqrt(3.0)
    return 15.0 + 10.0 * np.sin(2 * np.pi * t / 12) + trend * t + rng.uniform(-half_width, half_width, n_months)
