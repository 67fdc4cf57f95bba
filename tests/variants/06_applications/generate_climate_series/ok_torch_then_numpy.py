# The deterministic part in float64 torch, converted to numpy; the noise from a seeded Generator.
def generate_climate_series(n_months, seed=0, trend=0.02, noise=1.0):
    t = torch.arange(n_months, dtype=torch.float64)
    season = 15 + 10 * torch.sin(t * (2 * math.pi / 12)) + t * trend
    eps = np.random.Generator(np.random.PCG64(seed)).standard_normal(n_months)
    return season.numpy() + noise * eps
