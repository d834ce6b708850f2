#!/usr/bin/python3
"""Figures for docs/datasets.md from a phantom dataset folder (PNG files + manifest.csv).

Usage: /usr/bin/python3 docs/tools/phantom_figures.py DATASET_DIR OUT_DIR

Writes OUT_DIR/phantom_samples.png (a few images per class) and OUT_DIR/phantom_histograms.png
(class-conditional colour histograms: per channel, 256 bins over all pixels of a class, normalised to
sum 1, the definition in docs/design.md, "Colour statistics"). Needs only Pillow and NumPy (Debian: python3-pil, python3-numpy),
no matplotlib. Prints per-class mean intensities so the docs can quote them.
"""
import csv
import os
import sys

import numpy as np
from PIL import Image, ImageDraw

CLASSES = ["melanoma", "seborrheic_keratosis", "nevus"]
CURVE = {"melanoma": (200, 30, 30), "seborrheic_keratosis": (40, 120, 40), "nevus": (40, 70, 190)}
SAMPLES_PER_CLASS = 5
THUMB = 160
SPIKE_BELOW = 16


def read_manifest(folder):
    with open(os.path.join(folder, "manifest.csv"), newline="") as f:
        return [(row["file"], row["label"]) for row in csv.DictReader(f)]


def samples_sheet(folder, rows, path):
    sheet = Image.new("RGB", (SAMPLES_PER_CLASS * THUMB + 150, len(CLASSES) * THUMB), "white")
    draw = ImageDraw.Draw(sheet)
    for r, label in enumerate(CLASSES):
        files = [f for f, l in rows if l == label][:SAMPLES_PER_CLASS]
        draw.text((8, r * THUMB + THUMB // 2 - 6), label.replace("_", " "), fill=(0, 0, 0))
        for c, name in enumerate(files):
            image = Image.open(os.path.join(folder, name)).convert("RGB").resize((THUMB, THUMB), Image.LANCZOS)
            sheet.paste(image, (150 + c * THUMB, r * THUMB))
    sheet.save(path, optimize=True)


def class_histograms(folder, rows):
    counts = {label: np.zeros((3, 256), dtype=np.int64) for label in CLASSES}
    for name, label in rows:
        pixels = np.asarray(Image.open(os.path.join(folder, name)).convert("RGB")).reshape(-1, 3)
        for channel in range(3):
            counts[label][channel] += np.bincount(pixels[:, channel], minlength=256)
    return {label: c / c.sum(axis=1, keepdims=True) for label, c in counts.items()}


def histogram_chart(histograms, path):
    panel_w, panel_h, margin = 320, 220, 36
    chart = Image.new("RGB", (3 * (panel_w + margin) + margin, panel_h + 2 * margin + 40), "white")
    draw = ImageDraw.Draw(chart)
    # The dermoscope's black surround piles up in the lowest bins; scale to the rest and let it run off the top.
    peak = max(h[:, SPIKE_BELOW:].max() for h in histograms.values()) * 1.1
    for channel, name in enumerate(["red", "green", "blue"]):
        x0 = margin + channel * (panel_w + margin)
        y0 = margin
        draw.rectangle([x0, y0, x0 + panel_w, y0 + panel_h], outline=(120, 120, 120))
        draw.text((x0 + 4, y0 - 16), f"{name} channel", fill=(0, 0, 0))
        for tick in (0, 128, 255):
            tx = x0 + tick * panel_w / 255
            draw.line([tx, y0 + panel_h, tx, y0 + panel_h + 4], fill=(120, 120, 120))
            draw.text((tx - 8, y0 + panel_h + 6), str(tick), fill=(0, 0, 0))
        for label in CLASSES:
            h = histograms[label][channel]
            points = [(x0 + i * panel_w / 255, y0 + panel_h - min(h[i] / peak, 1.0) * (panel_h - 4)) for i in range(256)]
            draw.line(points, fill=CURVE[label], width=2)
    legend_y = panel_h + 2 * margin + 12
    for k, label in enumerate(CLASSES):
        lx = margin + k * 220
        draw.line([lx, legend_y + 6, lx + 24, legend_y + 6], fill=CURVE[label], width=3)
        draw.text((lx + 30, legend_y), label.replace("_", " "), fill=(0, 0, 0))
    chart.save(path, optimize=True)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    folder, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rows = read_manifest(folder)
    samples_sheet(folder, rows, os.path.join(out, "phantom_samples.png"))
    histograms = class_histograms(folder, rows)
    histogram_chart(histograms, os.path.join(out, "phantom_histograms.png"))
    levels = np.arange(256)
    for label in CLASSES:
        means = [float((histograms[label][c] * levels).sum()) for c in range(3)]
        count = sum(1 for _, l in rows if l == label)
        print(f"{label}: {count} images, mean R {means[0]:.1f}, G {means[1]:.1f}, B {means[2]:.1f}")


if __name__ == "__main__":
    main()
