# why: the Gumbel-max trick with the generator's uniforms.
def sample_with_temperature(logits, temperature, generator=None):
    logits = torch.as_tensor(logits, dtype=torch.float64)
    u = torch.rand(logits.shape, generator=generator, dtype=torch.float64).clamp(1e-300, 1.0)
    return int(torch.argmax(logits / temperature - torch.log(-torch.log(u))))
