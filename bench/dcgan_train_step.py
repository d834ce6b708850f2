#!/usr/bin/python3
"""PyTorch reference for `melanogans bench train`: seconds per DCGAN training step.

Mirrors src/Training/Networks/DcganGenerator.cs, DcganDiscriminator.cs, WeightInit.cs,
Losses/AdversarialLoss.cs and Loop/TrainingSession.cs (Update) layer by layer, so the two sides do the same
arithmetic: one discriminator update (reals, detached fakes) and one generator update through the updated
discriminator, LSGAN loss, Adam lr 2e-4 betas (0.5, 0.999), batch 8, latent 64, width 64.

Run by `melanogans bench train` with the same thread count; prints one JSON object on stdout. Needs Debian's
python3-torch (/usr/bin/python3). Not used by the tests.
"""
import argparse
import json
import os
import statistics
import time

import torch
from torch import nn


def generator_channels(width, size, output):
    # NetworkSpec.GeneratorChannels: width at output/2, doubling towards 4x4, capped at 8*width.
    return min(8 * width, width * output // (2 * size))


def discriminator_channels(width, size, image):
    # NetworkSpec.DiscriminatorChannels.
    return min(8 * width, width * image // (2 * size))


def build_generator(latent, width, output):
    channels = generator_channels(width, 4, output)
    # latent x 1 x 1 -> c x 4 x 4 (projection), BN, ReLU
    layers = [nn.ConvTranspose2d(latent, channels, 4, 1, 0, bias=False), nn.BatchNorm2d(channels), nn.ReLU()]
    size = 8
    while size < output:
        # c x s x s -> c' x 2s x 2s
        nxt = generator_channels(width, size, output)
        layers += [nn.ConvTranspose2d(channels, nxt, 4, 2, 1, bias=False), nn.BatchNorm2d(nxt), nn.ReLU()]
        channels = nxt
        size *= 2
    # width x output/2 -> 3 x output x output
    layers += [nn.ConvTranspose2d(channels, 3, 4, 2, 1, bias=False), nn.Tanh()]
    return nn.Sequential(*layers)


def build_discriminator(width, image):
    channels = discriminator_channels(width, image // 2, image)
    # 3 x S x S -> width x S/2 x S/2, no BatchNorm on the input layer
    layers = [nn.Conv2d(3, channels, 4, 2, 1, bias=False), nn.LeakyReLU(0.2)]
    side = image // 4
    while side >= 4:
        nxt = discriminator_channels(width, side, image)
        layers += [nn.Conv2d(channels, nxt, 4, 2, 1, bias=False), nn.BatchNorm2d(nxt), nn.LeakyReLU(0.2)]
        channels = nxt
        side //= 2
    # c x 4 x 4 -> one logit
    layers += [nn.Conv2d(channels, 1, 4, 1, 0, bias=False)]
    return nn.Sequential(*layers)


def init_weights(module, generator):
    # WeightInit.cs: conv weights N(0, 0.02), BatchNorm scale N(1, 0.02), biases 0.
    with torch.no_grad():
        for m in module.modules():
            if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
                m.weight.copy_(torch.randn(m.weight.shape, generator=generator) * 0.02)
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.copy_(torch.randn(m.weight.shape, generator=generator) * 0.02 + 1.0)
                m.bias.zero_()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resolution", type=int, default=64)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--latent", type=int, default=64)
    parser.add_argument("--width", type=int, default=64)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--onednn", action="store_true",
                        help="keep PyTorch's oneDNN convolutions (off by default, as in the trainer)")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.backends.mkldnn.enabled = args.onednn
    init = torch.Generator().manual_seed(args.seed)
    g = build_generator(args.latent, args.width, args.resolution)
    d = build_discriminator(args.width, args.resolution)
    init_weights(g, init)
    init_weights(d, init)
    opt_g = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    reals = torch.rand(args.batch, 3, args.resolution, args.resolution, generator=init) * 2 - 1

    def step(index):
        random = torch.Generator().manual_seed(args.seed * 1_000_003 + index)
        g.train()
        d.train()
        z = torch.randn(args.batch, args.latent, generator=random)
        fakes = g(z.view(args.batch, args.latent, 1, 1))
        # Discriminator: reals up, detached fakes down (LSGAN).
        opt_d.zero_grad()
        real_logits = d(reals).view(-1)
        fake_logits = d(fakes.detach()).view(-1)
        loss_d = 0.5 * ((real_logits - 1).square().mean() + fake_logits.square().mean())
        loss_d.backward()
        opt_d.step()
        # Generator through the updated discriminator.
        opt_g.zero_grad()
        loss_g = 0.5 * (d(fakes).view(-1) - 1).square().mean()
        loss_g.backward()
        opt_g.step()
        return loss_d.item(), loss_g.item()

    for i in range(args.warmup):
        step(i)
    seconds = []
    cpu = []
    for i in range(args.steps):
        start, start_cpu = time.perf_counter(), time.process_time()
        losses = step(args.warmup + i)
        seconds.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    print(json.dumps({
        "torch_version": torch.__version__,
        "threads": torch.get_num_threads(),
        "onednn": torch.backends.mkldnn.enabled,
        "resolution": args.resolution,
        "batch": args.batch,
        "steps": args.steps,
        "median_seconds": statistics.median(seconds),
        "min_seconds": min(seconds),
        "max_seconds": max(seconds),
        # CPU time of the whole process per step: on a shared machine it varies less than wall time.
        "median_cpu_seconds": statistics.median(cpu),
        "blas": os.environ.get("LD_LIBRARY_PATH", "system libblas.so.3"),
        "last_losses": losses,
    }))


if __name__ == "__main__":
    main()
