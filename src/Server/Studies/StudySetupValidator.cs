using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Studies;

namespace MelanoGans.Server.Studies;

/// <summary>Checks a set-up against what its sources hold, with messages a lead can act on.</summary>
internal static class StudySetupValidator
{
    public const int MinPresentationSize = 32;
    public const int MaxPresentationSize = 1024;
    public const double MaxRepeatShare = 0.5;
    public const int MaxUpscalingReasonLength = 1000;

    public static List<string> Validate(StudySetup setup, StudySetupOptions options) =>
        ValidateFields(setup, options).Select(e => e.Message).ToList();

    /// <summary>
    /// The refusal of a set-up: its messages, each also under the field it concerns (the JSON name of the
    /// <see cref="StudySetup"/> property), for the API's 400s.
    /// </summary>
    public static OperationResult? Refusal(StudySetup setup, StudySetupOptions options)
    {
        var errors = ValidateFields(setup, options);
        return errors.Count == 0
            ? null
            : new OperationResult(false, errors.Select(e => e.Message).ToList())
            {
                FieldErrors = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            };
    }

    /// <summary>Every problem of the set-up with the field it concerns (camelCase, as the API's JSON names it).</summary>
    public static List<(string Field, string Message)> ValidateFields(StudySetup setup, StudySetupOptions options)
    {
        // A client's JSON can hold what the form never sends (nulls, undefined protocols): refused before anything reads it.
        if (Malformed(setup) is { Count: > 0 } malformed) return malformed;
        var errors = new List<(string Field, string Message)>();
        if (string.IsNullOrWhiteSpace(setup.Name)) errors.Add(("name", "Enter a name."));
        else if (setup.Name.Trim().Length > 200) errors.Add(("name", "The name is longer than 200 characters."));
        if (setup.Instructions.Length > 4000) errors.Add(("instructions", "The instructions are longer than 4000 characters."));

        if (setup.RealCount < 0) errors.Add(("realCount", "The number of real images cannot be negative."));
        errors.AddRange(PracticeAndCatchErrors(setup));
        // Practice and catch reals come from the study's dataset too, beyond its own reals.
        // long: counts near int.MaxValue must not wrap around into a small, accepted number.
        var realsNeeded = (long)Math.Max(0, setup.RealCount) + Math.Max(0, setup.CatchReals) + Math.Max(0, setup.PracticeReals);
        if (realsNeeded > 0)
        {
            var dataset = options.Datasets.FirstOrDefault(d => d.Id == setup.RealDatasetId);
            // A diagnosis study draws its reals per class from every class of the dataset.
            var label = setup.Task == RatingTask.Diagnosis ? null : setup.RealLabel;
            if (dataset is null)
            {
                errors.Add(("realDatasetId", "Choose the dataset the real images come from."));
            }
            else if (dataset.Available(label) < realsNeeded)
            {
                var filter = label is null ? "" : $" with class {label}";
                var extra = realsNeeded == setup.RealCount ? "" : $" ({setup.RealCount} for the study, the rest for practice and catch trials)";
                errors.Add(("realCount", $"{realsNeeded} real images requested{extra}, but {dataset.Name} holds only {dataset.Available(label)}{filter}."));
            }
        }
        if (setup.Task == RatingTask.Diagnosis) errors.AddRange(DiagnosisSetup.Errors(setup, options));

        if (setup.Pools.GroupBy(p => p.PoolId).Any(g => g.Count() > 1)) errors.Add(("pools", "A generated pool is listed twice."));
        foreach (var source in setup.Pools)
        {
            var pool = options.Pools.FirstOrDefault(p => p.Id == source.PoolId);
            if (source.Source is { } name && (name.Trim().Length > 200 || name.Any(char.IsControl)))
                errors.Add(("pools", "A source name is longer than 200 characters or holds a control character."));
            if (pool is null) errors.Add(("pools", $"Generated pool {source.PoolId} does not exist."));
            else if (source.Count < 0) errors.Add(("pools", $"The number of images from {pool.Name} cannot be negative."));
            else if (source.Count > pool.Count)
                errors.Add(("pools", $"{source.Count} images requested from {pool.Name}, but it holds only {pool.Count}."));
        }

        if ((long)setup.RealCount + setup.FakeCount < 2) errors.Add(("realCount", "A study needs at least two images."));
        var practiceFakes = ExtraItems.PracticeFakes(setup.Mode, setup.PracticeCount);
        var spare = setup.Pools.Sum(s => options.Pools.FirstOrDefault(p => p.Id == s.PoolId) is { } pool && s.Count > 0 ? Math.Max(0, pool.Count - s.Count) : 0);
        if (practiceFakes > 0 && spare < practiceFakes)
            errors.Add(("practiceCount", $"The practice round needs {practiceFakes} generated images beyond the study's, but its pools hold only {spare} more."));
        if (setup.PresentationSize is < MinPresentationSize or > MaxPresentationSize)
            errors.Add(("presentationSize", $"The presentation size must be between {MinPresentationSize} and {MaxPresentationSize} pixels."));
        else errors.AddRange(PresentationErrors(setup, options).Select(message => ("presentationSize", message)));
        if (setup.RepeatShare is < 0 or > MaxRepeatShare || double.IsNaN(setup.RepeatShare))
            errors.Add(("repeatShare", "The share of repeated images must be between 0% and 50%."));
        errors.AddRange(ProtocolErrors(setup));

        var raters = options.Raters.Select(r => r.Id).ToHashSet();
        if (setup.RaterIds.Count == 0) errors.Add(("raterIds", "Assign at least one rater."));
        if (setup.RaterIds.Any(id => !raters.Contains(id))) errors.Add(("raterIds", "Only active accounts with the Rater role can be assigned."));

        var tags = setup.ArtifactTags.Select(t => t.Trim()).ToList();
        if (tags.Any(t => t.Length == 0)) errors.Add(("artifactTags", "An artifact tag is empty."));
        if (tags.Any(t => t.Length > 100)) errors.Add(("artifactTags", "An artifact tag is longer than 100 characters."));
        if (tags.Distinct(StringComparer.OrdinalIgnoreCase).Count() != tags.Count) errors.Add(("artifactTags", "An artifact tag is listed twice."));
        if (tags.Count > ArtifactTaxonomy.MaxTags) errors.Add(("artifactTags", $"At most {ArtifactTaxonomy.MaxTags} artifact tags (one key each)."));
        return errors;
    }

    private static List<(string Field, string Message)> Malformed(StudySetup setup)
    {
        var errors = new List<(string Field, string Message)>();
        if (setup.Instructions is null) errors.Add(("instructions", "The instructions are missing (send an empty text for none)."));
        if (setup.Pools is null || setup.Pools.Any(p => p is null)) errors.Add(("pools", "A generated pool entry is empty."));
        if (setup.RaterIds is null || setup.RaterIds.Any(id => id is null)) errors.Add(("raterIds", "A rater id is empty."));
        if (setup.ArtifactTags is null || setup.ArtifactTags.Any(t => t is null)) errors.Add(("artifactTags", "An artifact tag is empty."));
        if (setup.RealClassCounts is null || setup.RealClassCounts.Any(c => c?.Label is null)) errors.Add(("realClassCounts", "A class count is empty."));
        if (!Enum.IsDefined(setup.Mode)) errors.Add(("mode", "Unknown protocol: use untimed, fixed, staircase or paired."));
        if (!Enum.IsDefined(setup.Task)) errors.Add(("task", "Unknown task: use realism or diagnosis."));
        if (setup.Name is { } name && name.Any(char.IsControl)) errors.Add(("name", "The name holds a control character."));
        return errors;
    }

    /// <summary>The shortest exposure a study may ask for: a few frames, below which the screen cannot show it faithfully.</summary>
    public const int MinExposureMs = 34;

    /// <summary>The longest exposure a study may ask for.</summary>
    public const int MaxExposureMs = 10_000;

    // Each error under the field it concerns (the JSON name of the StudySetup property), as the API reports them.
    private static IEnumerable<(string Field, string Message)> ProtocolErrors(StudySetup setup)
    {
        switch (setup.Mode)
        {
            case RatingMode.Untimed:
                break;
            case RatingMode.Fixed when setup.ExposureMs is < MinExposureMs or > MaxExposureMs:
                yield return ("exposureMs", $"The exposure must be between {MinExposureMs} and {MaxExposureMs} ms.");
                break;
            case RatingMode.Staircase:
                if (setup.StaircaseMinMs < MinExposureMs || setup.StaircaseMaxMs > MaxExposureMs)
                    yield return ("staircaseMinMs", $"The staircase's exposures must lie between {MinExposureMs} and {MaxExposureMs} ms.");
                else if (new StaircaseSettings(setup.StaircaseStartMs, setup.StaircaseMinMs, setup.StaircaseMaxMs).Problem() is { } problem)
                    yield return ("staircaseStartMs", Capitalised(problem) + ".");
                break;
            case RatingMode.Paired when setup.RealCount == 0 || setup.FakeCount == 0:
                yield return ("mode", "Paired choice shows a real beside a fake: choose at least one real and one generated image.");
                break;
        }
    }

    /// <summary>The most practice items and catch trials a study may have.</summary>
    public const int MaxPracticeOrCatch = 200;

    private static IEnumerable<(string Field, string Message)> PracticeAndCatchErrors(StudySetup setup)
    {
        if (setup.PracticeCount is < 0 or > MaxPracticeOrCatch)
            yield return ("practiceCount", $"The practice round must have between 0 and {MaxPracticeOrCatch} images.");
        else if (setup.PracticeCount == 1 || (setup.Mode == RatingMode.Paired && setup.PracticeCount is > 0 and < 2))
            yield return ("practiceCount", "A practice round needs at least two images: a real and a generated one.");
        if (setup.PracticeCount > 0 && setup.PracticePassMark is { } mark && (mark is <= 0 or > 1 || double.IsNaN(mark)))
            yield return ("practicePassMark", "The pass mark must be a share of correct answers above 0% and at most 100%.");
        if (setup.CatchCount is < 0 or > MaxPracticeOrCatch)
            yield return ("catchCount", $"The number of catch trials must be between 0 and {MaxPracticeOrCatch}.");
    }

    /// <summary>The sources a set-up draws from with their native resolutions (unknown ids are reported elsewhere).</summary>
    public static List<PresentationSource> Sources(StudySetup setup, StudySetupOptions options)
    {
        var sources = new List<PresentationSource>();
        if (setup.RealCount > 0 && options.Datasets.FirstOrDefault(d => d.Id == setup.RealDatasetId) is { } dataset)
            sources.Add(new PresentationSource(dataset.Name, true, dataset.Resolution));
        foreach (var source in setup.Pools.Where(p => p.Count > 0))
        {
            if (options.Pools.FirstOrDefault(p => p.Id == source.PoolId) is { } pool)
                sources.Add(new PresentationSource(pool.ModelName, false, pool.Resolution));
        }
        return sources;
    }

    // Like-for-like: no source upscaled, unless the lead overrides it and says why.
    private static IEnumerable<string> PresentationErrors(StudySetup setup, StudySetupOptions options)
    {
        var sources = Sources(setup, options);
        var upscaled = PresentationRules.Upscaled(sources, setup.PresentationSize);
        if (upscaled.Count == 0) yield break;
        if (!setup.AllowUpscaling)
        {
            foreach (var reason in upscaled) yield return Capitalised(reason) + ".";
            yield return $"Choose {PresentationRules.ProposedSize(sources)} px (the smallest native resolution) or less, or allow upscaling and say why.";
        }
        else if (string.IsNullOrWhiteSpace(setup.UpscalingReason))
        {
            yield return "Say why upscaling is acceptable for this study: the reason is recorded and shown with its results.";
        }
        else if (setup.UpscalingReason.Trim().Length > MaxUpscalingReasonLength)
        {
            yield return $"The reason for upscaling is longer than {MaxUpscalingReasonLength} characters.";
        }
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
