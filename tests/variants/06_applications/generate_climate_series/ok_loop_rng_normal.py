# A loop over the months, the noise from rng.normal (the same numbers as standard_normal * noise).
def generate_climate_series(n_months, seed=0, trend=0.02, noise=1.0):
    rng = np.random.default_rng(seed)
    eps = rng.normal(0.0, noise, size=n_months)
    series = np.zeros(n_months)
    for t in range(n_months):
        series[t] = 15 + 10 * math.sin(math.pi * t / 6) + trend * t + eps[t]
    return series
