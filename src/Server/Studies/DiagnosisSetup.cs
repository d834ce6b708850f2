using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Datasets;

namespace MelanoGans.Server.Studies;

/// <summary>
/// What a diagnosis study's set-up must hold beyond a realism study's: reals per known class, pools of known class,
/// a protocol that asks for one 6-point answer per image, and melanomas beside other lesions in every source (a
/// source's AUC compares the two).
/// </summary>
internal static class DiagnosisSetup
{
    public static IEnumerable<(string Field, string Message)> Errors(StudySetup setup, StudySetupOptions options)
    {
        if (setup.Mode is not (RatingMode.Untimed or RatingMode.Fixed))
            yield return ("mode", "A diagnosis study is untimed or shows each image for a fixed time: the staircase and paired choice measure real-vs-fake judgement.");

        var classes = setup.RealClassCounts;
        if (classes.GroupBy(c => c.Label).Any(g => g.Count() > 1)) yield return ("realClassCounts", "A class is listed twice.");
        if (classes.Any(c => c.Count < 0)) yield return ("realClassCounts", "The number of real images of a class cannot be negative.");
        if (classes.Any(c => !LesionClassNames.TryParse(c.Label, out _)))
            yield return ("realClassCounts", "A diagnosis study draws reals of melanoma, nevus or seborrheic_keratosis only.");
        if (setup.RealCount != classes.Sum(c => Math.Max(0, c.Count)))
            yield return ("realCount", "In a diagnosis study the number of reals is the sum of the class counts.");
        if (options.Datasets.FirstOrDefault(d => d.Id == setup.RealDatasetId) is { } dataset)
        {
            foreach (var c in classes.Where(c => c.Count > dataset.CountsByLabel.GetValueOrDefault(c.Label)))
                yield return ("realClassCounts", $"{c.Count} reals of class {c.Label} requested, but {dataset.Name} holds only {dataset.CountsByLabel.GetValueOrDefault(c.Label)}.");
            if (setup.RealCount > 0)
            {
                if (Mixed(classes.Where(c => c.Count > 0).Select(c => c.Label)) is { } missing)
                    yield return ("realClassCounts", $"The reals of {dataset.Name} include {missing}: {AucNeeds} Draw both.");
                if (setup.Pools.Any(p => p.Count > 0 && p.Source?.Trim() == dataset.Name))
                    yield return ("pools", $"A pool's source cannot be named {dataset.Name}, the real dataset's name.");
            }
        }

        var sources = new Dictionary<string, List<string>>();
        foreach (var chosen in setup.Pools.Where(p => p.Count > 0))
        {
            if (options.Pools.FirstOrDefault(p => p.Id == chosen.PoolId) is not { } pool) continue;
            if (pool.Label is null)
            {
                yield return ("pools", $"{pool.Name} comes from a generator trained on every class ({pool.ModelName}): its images have no known class, so it cannot enter a diagnosis study.");
                continue;
            }
            var source = string.IsNullOrWhiteSpace(chosen.Source) ? pool.ModelName : chosen.Source.Trim();
            if (!sources.TryGetValue(source, out var labels)) sources[source] = labels = [];
            labels.Add(pool.Label);
        }
        foreach (var (source, labels) in sources)
        {
            if (Mixed(labels) is { } missing)
                yield return ("pools", $"The source {source} includes {missing}: {AucNeeds} Give a pool of the other class the same source name.");
        }
    }

    private const string AucNeeds = "a source's AUC compares melanomas with other lesions.";

    /// <summary>What a source lacks for an AUC ("only melanomas", "no melanoma"); null when it has both.</summary>
    private static string? Mixed(IEnumerable<string> labels)
    {
        var list = labels.Select(l => LesionClassNames.TryParse(l, out var c) ? c : null).ToList();
        var melanoma = list.Any(c => c == LesionClass.Melanoma);
        var other = list.Any(c => c is not null and not LesionClass.Melanoma);
        if (melanoma && other) return null;
        return melanoma ? "only melanomas" : "no melanoma";
    }
}
