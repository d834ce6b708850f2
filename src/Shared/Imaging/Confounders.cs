namespace MelanoGans.Shared.Imaging;

/// <summary>
/// Things in real dermoscopy images that are not the lesion: hairs, ruler marks, gel bubbles and ink
/// markings. A GAN learns them too, and raters use them to spot fakes, so the phantom has them.
/// </summary>
internal static class Confounders
{
    private static readonly PhantomColour GentianViolet = new(96, 62, 142);

    /// <summary>Draws the confounders of one image; which ones appear is decided by <paramref name="rng"/>.</summary>
    public static void Draw(PhantomCanvas canvas, PhantomRandom rng, LesionShape shape)
    {
        // Decide everything up front so adding a confounder type later cannot shift the others' draws.
        var hairs = rng.Chance(0.45) ? (rng.Chance(0.25) ? rng.Next(12, 40) : rng.Next(1, 8)) : 0;
        var ruler = rng.Chance(0.12);
        var bubbles = rng.Chance(0.2) ? rng.Next(1, 7) : 0;
        var ink = rng.Chance(0.1);
        var streams = new[] { rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64() };

        if (ink)
        {
            InkMarks(canvas, new PhantomRandom(streams[0]), shape);
        }

        if (bubbles > 0)
        {
            Bubbles(canvas, new PhantomRandom(streams[1]), bubbles);
        }

        if (ruler)
        {
            Ruler(canvas, new PhantomRandom(streams[2]));
        }

        if (hairs > 0)
        {
            Hairs(canvas, new PhantomRandom(streams[3]), hairs);
        }
    }

    /// <summary>Dark, slightly curved hairs crossing the field: quadratic Bezier curves.</summary>
    public static void Hairs(PhantomCanvas canvas, PhantomRandom rng, int count)
    {
        var size = canvas.Size;
        Span<(double X, double Y)> points = stackalloc (double X, double Y)[25];
        var colour = rng.Chance(0.8) ? new PhantomColour(42, 30, 26) : new PhantomColour(110, 80, 60);
        for (var h = 0; h < count; h++)
        {
            var x0 = rng.Range(-0.1, 1.1) * size;
            var y0 = rng.Range(-0.1, 1.1) * size;
            var angle = rng.Range(0, 2 * Math.PI);
            var length = rng.Range(0.25, 0.9) * size;
            var x2 = x0 + length * Math.Cos(angle);
            var y2 = y0 + length * Math.Sin(angle);
            var bend = rng.Range(-0.25, 0.25) * length;
            var cx = (x0 + x2) / 2 - bend * Math.Sin(angle);
            var cy = (y0 + y2) / 2 + bend * Math.Cos(angle);
            for (var i = 0; i < points.Length; i++)
            {
                var t = i / (double)(points.Length - 1);
                var a = (1 - t) * (1 - t);
                var b = 2 * (1 - t) * t;
                var c = t * t;
                points[i] = (a * x0 + b * cx + c * x2, a * y0 + b * cy + c * y2);
            }

            canvas.Polyline(points, rng.Range(0.0022, 0.0055) * size, colour, rng.Range(0.75, 0.95));
        }
    }

    /// <summary>A millimetre ruler along one side: a base line with ticks, every fifth one longer.</summary>
    public static void Ruler(PhantomCanvas canvas, PhantomRandom rng)
    {
        var size = canvas.Size;
        var side = rng.Next(0, 4);
        var inset = rng.Range(0.06, 0.14) * size;
        var spacing = rng.Range(0.022, 0.032) * size;
        var start = rng.Range(0.1, 0.3) * size;
        var end = rng.Range(0.7, 0.9) * size;
        var halfWidth = Math.Max(0.35, 0.0035 * size);
        var colour = new PhantomColour(28, 26, 30);
        Span<(double X, double Y)> segment = stackalloc (double X, double Y)[2];

        (double X, double Y) Map(double along, double across) => side switch
        {
            0 => (along, inset + across),
            1 => (along, size - inset - across),
            2 => (inset + across, along),
            _ => (size - inset - across, along),
        };

        segment[0] = Map(start, 0);
        segment[1] = Map(end, 0);
        canvas.Polyline(segment, halfWidth, colour, 0.85);
        var tick = 0;
        for (var along = start; along <= end; along += spacing, tick++)
        {
            var length = (tick % 5 == 0 ? 0.05 : 0.025) * size;
            segment[0] = Map(along, 0);
            segment[1] = Map(along, length);
            canvas.Polyline(segment, halfWidth, colour, 0.85);
        }
    }

    /// <summary>Air bubbles in the immersion gel: a faint bright disc, a bright rim and a specular highlight.</summary>
    public static void Bubbles(PhantomCanvas canvas, PhantomRandom rng, int count)
    {
        var size = canvas.Size;
        Span<(double X, double Y)> ring = stackalloc (double X, double Y)[33];
        for (var k = 0; k < count; k++)
        {
            var x = rng.Range(0.1, 0.9) * size;
            var y = rng.Range(0.1, 0.9) * size;
            var r = rng.Range(0.012, 0.06) * size;
            canvas.Disc(x, y, r, new PhantomColour(250, 246, 244), 0.12);
            for (var i = 0; i < ring.Length; i++)
            {
                var a = 2 * Math.PI * i / (ring.Length - 1);
                ring[i] = (x + r * Math.Cos(a), y + r * Math.Sin(a));
            }

            canvas.Polyline(ring, Math.Max(0.4, 0.05 * r), new PhantomColour(252, 250, 250), 0.55);
            canvas.Disc(x - 0.4 * r, y - 0.4 * r, 0.2 * r, new PhantomColour(255, 255, 255), 0.8, 0.15 * r);
        }
    }

    /// <summary>Gentian violet surgical markings: an arc of dots or a stroke around the lesion.</summary>
    public static void InkMarks(PhantomCanvas canvas, PhantomRandom rng, LesionShape shape)
    {
        var size = canvas.Size;
        var distance = shape.MaxRadius + rng.Range(0.04, 0.12) * size;
        var from = rng.Range(0, 2 * Math.PI);
        var sweep = rng.Range(0.5, 2.0);
        var opacity = rng.Range(0.5, 0.8);
        if (rng.Chance(0.5))
        {
            var dots = rng.Next(3, 9);
            for (var i = 0; i < dots; i++)
            {
                var a = from + sweep * i / dots;
                canvas.Disc(shape.CentreX + distance * Math.Cos(a), shape.CentreY + distance * Math.Sin(a),
                    rng.Range(0.008, 0.016) * size, GentianViolet, opacity, 0.004 * size);
            }
        }
        else
        {
            Span<(double X, double Y)> arc = stackalloc (double X, double Y)[20];
            for (var i = 0; i < arc.Length; i++)
            {
                var a = from + sweep * i / (arc.Length - 1);
                var wobble = 1 + 0.03 * Math.Sin(7 * a);
                arc[i] = (shape.CentreX + distance * wobble * Math.Cos(a), shape.CentreY + distance * wobble * Math.Sin(a));
            }

            canvas.Polyline(arc, rng.Range(0.006, 0.012) * size, GentianViolet, opacity);
        }
    }
}
