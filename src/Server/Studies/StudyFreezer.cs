using MelanoGans.Server.Data;
using MelanoGans.Server.Datasets;
using MelanoGans.Server.Generation;
using MelanoGans.Server.Images;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
using MelanoGans.Shared.Studies;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Studies;

/// <summary>
/// Freezes a study's item set at start: draws the items from the sources, re-encodes every one of them
/// through the same pipeline (decode, centre crop and bicubic resize to the presentation size, stored PNG of a
/// fixed length without metadata) and stores one <see cref="StudyItem"/> per image with an opaque token.
/// </summary>
/// <remarks>
/// Reals and fakes go through identical code, so format, size, colour type and chunks cannot differ by
/// truth; rows are written in shuffled order, so neither ids nor file times follow the truth either.
/// </remarks>
internal sealed class StudyFreezer(ImageStore store, IDatasetReader datasets, IPoolReader pools)
{
    private sealed record Drawn(RatingTruth Truth, ItemRole Role, string Source, string? Class, long? DatasetImageId, long? GeneratedImageId, string Sha256);

    /// <summary>The source name of catch trials' noise fakes (the ratings table's <c>source</c>).</summary>
    public const string CatchNoiseSource = "catch noise";

    public async Task<List<StudyItem>> FreezeAsync(StudioDbContext db, Study study, CancellationToken ct = default)
    {
        var random = new PhantomRandom((ulong)study.Seed);
        var drawn = new List<Drawn>();
        // Reals for the study, then for catch trials, then for practice: one draw, so none is used twice.
        var catchReals = ExtraItems.CatchReals(study.Mode, study.CatchCount);
        var practiceReals = ExtraItems.PracticeReals(study.Mode, study.PracticeCount);
        var realRoles = Roles(study.RealCount, catchReals, practiceReals);
        if (realRoles.Count > 0 && study.RealDatasetId is { } datasetId)
        {
            var dataset = await datasets.FindAsync(datasetId, ct) ?? throw new StudySetupException($"Dataset {datasetId} no longer exists.");
            var images = await datasets.ImagesAsync(datasetId, study.RealLabel, ct);
            var reals = study.Task == RatingTask.Diagnosis
                ? DrawPerClass(images, ClassMix.Parse(study.RealClassMix), realRoles.Count, random, dataset.Name)
                : images.Count >= realRoles.Count
                    ? Sample(images, realRoles.Count, random)
                    : throw new StudySetupException($"{dataset.Name} holds only {images.Count} matching images; {realRoles.Count} requested.");
            drawn.AddRange(reals.Select((i, k) => new Drawn(RatingTruth.Real, realRoles[k], dataset.Name, ClassOf(i.Label), i.Id, null, i.Sha256)));
        }

        // Practice fakes come from the pools' spare images, in pool order.
        var practiceFakes = ExtraItems.PracticeFakes(study.Mode, study.PracticeCount);
        foreach (var source in study.Pools.Where(p => p.Count > 0).OrderBy(p => p.PoolId))
        {
            var (poolName, modelName, label, images) = await pools.ImagesAsync(source.PoolId, ct)
                ?? throw new StudySetupException($"Pool {source.PoolId} no longer exists.");
            if (images.Count < source.Count)
                throw new StudySetupException($"{poolName} holds only {images.Count} images; {source.Count} requested.");
            var practice = Math.Min(practiceFakes, images.Count - source.Count);
            practiceFakes -= practice;
            var roles = Roles(source.Count, 0, practice);
            drawn.AddRange(Sample(images, roles.Count, random)
                .Select((i, k) => new Drawn(RatingTruth.Fake, roles[k], source.SourceName ?? modelName, ClassOf(label), null, i.Id, i.Sha256)));
        }
        if (practiceFakes > 0)
            throw new StudySetupException($"The pools hold {practiceFakes} generated images too few for the practice round.");

        for (var k = 0; k < ExtraItems.CatchFakes(study.Mode, study.CatchCount); k++)
        {
            var noise = StoredPng.Encode(CatchNoise.Render(study.PresentationSize, PhantomRandom.Mix((ulong)study.Seed, 0xCA7C0000UL + (ulong)k)));
            drawn.Add(new Drawn(RatingTruth.Fake, ItemRole.Catch, CatchNoiseSource, null, null, null, await store.PutAsync(noise, ct)));
        }

        var shuffled = Sample(drawn, drawn.Count, random);
        var items = new List<StudyItem>(shuffled.Count);
        foreach (var item in shuffled)
        {
            var png = await Task.Run(async () => ReEncode(await store.ReadAsync(item.Sha256, ct), study.PresentationSize), ct);
            items.Add(new StudyItem
            {
                StudyId = study.Id,
                Token = StudyTokens.NewToken(),
                Truth = item.Truth,
                Role = item.Role,
                Source = item.Source,
                Class = item.Class,
                DatasetImageId = item.DatasetImageId,
                GeneratedImageId = item.GeneratedImageId,
                SourceSha256 = item.Sha256,
                Sha256 = await store.PutAsync(png, ct),
            });
        }
        return items;
    }

    /// <summary>
    /// A diagnosis study's reals: the study's own per class as the mix says, then the catch and practice reals from the
    /// images left over (of any class). A shortfall is refused with the class it lacks.
    /// </summary>
    private static List<SourceImage> DrawPerClass(IReadOnlyList<SourceImage> images, List<LabelCount> mix, int total, PhantomRandom random, string dataset)
    {
        var drawn = new List<SourceImage>(total);
        foreach (var (label, count) in mix)
        {
            var ofClass = images.Where(i => i.Label == label).ToList();
            if (ofClass.Count < count) throw new StudySetupException($"{dataset} holds only {ofClass.Count} images of class {label}; {count} requested.");
            drawn.AddRange(Sample(ofClass, count, random));
        }
        var taken = drawn.Select(i => i.Id).ToHashSet();
        var rest = images.Where(i => !taken.Contains(i.Id)).ToList();
        var extra = total - drawn.Count;
        if (rest.Count < extra) throw new StudySetupException($"{dataset} holds only {rest.Count} images beyond the study's; {extra} requested for practice and catch trials.");
        drawn.AddRange(Sample(rest, extra, random));
        return drawn;
    }

    /// <summary>The ISIC name of a label (hand-written labels may spell it otherwise); a label of no known class as it is.</summary>
    private static string? ClassOf(string? label) => LesionClassNames.TryParse(label, out var c) ? c.Value.ToIsicName() : label;

    private static List<ItemRole> Roles(int main, int catches, int practice) =>
        [.. Enumerable.Repeat(ItemRole.Main, main), .. Enumerable.Repeat(ItemRole.Catch, catches), .. Enumerable.Repeat(ItemRole.Practice, practice)];

    /// <summary>
    /// The one pipeline every study image goes through, whatever its origin: decode, centre crop, resample to the
    /// presentation size with the one pinned filter (<see cref="PresentationRules.ResizeFilter"/>), and encode as a
    /// stored PNG, whose length depends only on the size (<see cref="StoredPng"/>).
    /// </summary>
    public static byte[] ReEncode(byte[] source, int size) =>
        StoredPng.Encode(ImageCodec.CentreCropResize(ImageCodec.Decode(source), size));

    // A seeded partial Fisher-Yates: the first `count` of a random permutation.
    private static List<T> Sample<T>(IReadOnlyList<T> values, int count, PhantomRandom random)
    {
        var copy = values.ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, copy.Length);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy.Take(count).ToList();
    }
}
