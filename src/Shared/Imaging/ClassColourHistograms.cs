using MelanoGans.Shared.Datasets;

namespace MelanoGans.Shared.Imaging;

/// <summary>Colour histograms of a labelled image set: one over all images and one per lesion class.</summary>
public sealed class ClassColourHistograms
{
    private readonly Dictionary<LesionClass, ColourHistogram> _byClass = [];

    /// <summary>All images, labelled or not.</summary>
    public ColourHistogram All { get; } = new();

    /// <summary>Per class, only classes that have at least one image.</summary>
    public IReadOnlyDictionary<LesionClass, ColourHistogram> ByClass => _byClass;

    /// <summary>Adds an image to <see cref="All"/> and, when <paramref name="lesionClass"/> is known, to its class.</summary>
    public void Add(RgbImage image, LesionClass? lesionClass)
    {
        All.Add(image);
        if (lesionClass is { } known)
        {
            ForClass(known).Add(image);
        }
    }

    /// <summary>Merges another set's histograms into this one.</summary>
    public void Add(ClassColourHistograms other)
    {
        ArgumentNullException.ThrowIfNull(other);
        All.Add(other.All);
        foreach (var (lesionClass, histogram) in other._byClass)
        {
            ForClass(lesionClass).Add(histogram);
        }
    }

    private ColourHistogram ForClass(LesionClass lesionClass)
    {
        if (!_byClass.TryGetValue(lesionClass, out var histogram))
        {
            histogram = new ColourHistogram();
            _byClass[lesionClass] = histogram;
        }

        return histogram;
    }
}
