using MelanoGans.Shared.Datasets;

namespace MelanoGans.Shared.Imaging;

/// <summary>
/// Which phantom images make up a dataset: classes in the ISIC 2017 proportions, in a shuffled order, each
/// with a seed derived from the dataset seed and its index. The plan is cheap; rendering is separate.
/// </summary>
public sealed class PhantomDatasetPlan
{
    /// <summary>The study's training set size.</summary>
    public const int DefaultCount = 2000;

    /// <summary>The seed of the built-in default dataset.</summary>
    public const ulong DefaultSeed = 2017;

    /// <summary>Class counts of the ISIC 2017 training set (2000 images).</summary>
    public static IReadOnlyDictionary<LesionClass, int> Isic2017Counts { get; } = new Dictionary<LesionClass, int>
    {
        [LesionClass.Melanoma] = 374,
        [LesionClass.SeborrheicKeratosis] = 254,
        [LesionClass.Nevus] = 1372,
    };

    private PhantomDatasetPlan(ulong seed, int size, IReadOnlyList<PhantomImageSpec> images, IReadOnlyDictionary<LesionClass, int> counts)
    {
        Seed = seed;
        Size = size;
        Images = images;
        ClassCounts = counts;
    }

    /// <summary>The dataset seed.</summary>
    public ulong Seed { get; }

    /// <summary>Image side in pixels.</summary>
    public int Size { get; }

    /// <summary>The images in dataset order.</summary>
    public IReadOnlyList<PhantomImageSpec> Images { get; }

    /// <summary>How many images of each class the plan holds.</summary>
    public IReadOnlyDictionary<LesionClass, int> ClassCounts { get; }

    /// <summary>The built-in default: 2000 images at 256x256 with seed <see cref="DefaultSeed"/>.</summary>
    public static PhantomDatasetPlan Default { get; } = Create(DefaultSeed);

    /// <summary>Plans <paramref name="count"/> images of side <paramref name="size"/> from <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count below 1 or a size outside the renderer's range.</exception>
    public static PhantomDatasetPlan Create(ulong seed, int count = DefaultCount, int size = PhantomRenderer.DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (size is < PhantomRenderer.MinSize or > PhantomRenderer.MaxSize)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"Phantom size must be between {PhantomRenderer.MinSize} and {PhantomRenderer.MaxSize}.");
        }

        var counts = CountsFor(count);
        var classes = new LesionClass[count];
        var at = 0;
        foreach (var lesionClass in LesionClassNames.All)
        {
            for (var i = 0; i < counts[lesionClass]; i++)
            {
                classes[at++] = lesionClass;
            }
        }

        // Shuffle so any prefix of the dataset has all classes in about the right proportions.
        var rng = new PhantomRandom(PhantomRandom.Mix(seed, 0x53485546464C45UL));
        for (var i = count - 1; i > 0; i--)
        {
            var j = rng.Next(0, i + 1);
            (classes[i], classes[j]) = (classes[j], classes[i]);
        }

        var digits = Math.Max(5, (count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var images = new PhantomImageSpec[count];
        for (var i = 0; i < count; i++)
        {
            var name = "phantom_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0') + ".png";
            images[i] = new PhantomImageSpec(i, classes[i], PhantomRandom.Mix(seed, (ulong)i), name);
        }

        return new PhantomDatasetPlan(seed, size, images, counts);
    }

    /// <summary>
    /// Class counts for a dataset of <paramref name="count"/> images in the ISIC 2017 proportions, by
    /// largest remainder so they sum to <paramref name="count"/>; 2000 gives exactly 374 / 254 / 1372.
    /// </summary>
    public static IReadOnlyDictionary<LesionClass, int> CountsFor(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var total = Isic2017Counts.Values.Sum();
        var result = new Dictionary<LesionClass, int>();
        var remainders = new List<(LesionClass Class, long Remainder)>();
        foreach (var lesionClass in LesionClassNames.All)
        {
            var exact = (long)Isic2017Counts[lesionClass] * count;
            result[lesionClass] = (int)(exact / total);
            remainders.Add((lesionClass, exact % total));
        }

        var missing = count - result.Values.Sum();
        foreach (var (lesionClass, _) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Class).Take(missing))
        {
            result[lesionClass]++;
        }

        return result;
    }

    /// <summary>Renders one planned image.</summary>
    public RgbImage Render(PhantomImageSpec image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return PhantomRenderer.Render(image.Class, image.Seed, Size);
    }
}
