using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
using MelanoGans.Shared.Statistics;
using MelanoGans.Shared.Statistics.Mrmc;
using MelanoGans.Shared.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Studies;

/// <summary>
/// A diagnosis study from set-up to statistics: reals per class and two class-conditional pools counted as one generator,
/// two raters who answer the melanoma scale and pick a diagnosis, and a dashboard equal to <c>melanogans mrmc</c> on the
/// export. Blinding holds as in realism studies.
/// </summary>
public sealed class DiagnosisStudyTests : IAsyncLifetime
{
    private const string Generator = "gan-b";
    private StudyWorld _world = default!;
    private int _melanomaPool;
    private int _nevusPool;
    private int _everyClassPool;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await StudyWorld.CreateAsync();
        var services = _world.Factory.Services;
        _melanomaPool = await StudySeed.AddClassPoolAsync(services, "gan-b melanomas", "gan-b-melanoma", LesionClass.Melanoma, 8);
        _nevusPool = await StudySeed.AddClassPoolAsync(services, "gan-b nevi", "gan-b-nevus", LesionClass.Nevus, 8);
        _everyClassPool = await StudySeed.AddClassPoolAsync(services, "every class", "gan-all", null, 8);
    }

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private StudySetup Setup(bool askDiagnosis = true, bool feedback = false) => new()
    {
        Name = "Do they read like melanomas?",
        Task = RatingTask.Diagnosis,
        AskDiagnosis = askDiagnosis,
        Feedback = feedback,
        RealDatasetId = _world.DatasetId,
        RealClassCounts = [new(LesionClassNames.Melanoma, 4), new(LesionClassNames.Nevus, 4)],
        RealCount = 8,
        Pools =
        [
            new StudyPoolCount { PoolId = _melanomaPool, Count = 4, Source = Generator },
            new StudyPoolCount { PoolId = _nevusPool, Count = 4, Source = Generator },
        ],
        PresentationSize = 48,
        RaterIds = [_world.Rater1Id, _world.Rater2Id],
        RepeatShare = 0,
    };

    private async Task<OperationResult> CreateAsync(StudySetup setup)
    {
        await using var lead = _world.As("lead", Roles.Lead);
        return (await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().CreateAsync(setup)).Result;
    }

    [Fact]
    public async Task A_pool_of_a_generator_trained_on_every_class_is_refused_with_the_reason()
    {
        var setup = Setup();
        setup.Pools.Add(new StudyPoolCount { PoolId = _everyClassPool, Count = 2 });

        var refused = await CreateAsync(setup);

        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Errors, e => e.Contains("every class", StringComparison.Ordinal) && e.Contains("cannot enter a diagnosis study", StringComparison.Ordinal));
        Assert.Contains("pools", refused.FieldErrors!.Keys);
    }

    [Fact]
    public async Task A_source_without_melanomas_or_without_other_lesions_and_a_real_vs_fake_protocol_are_refused()
    {
        var setup = Setup();
        setup.Pools[1].Source = null; // the nevus pool now counts as its own source, gan-b-nevus; gan-b holds only melanomas
        setup.Mode = RatingMode.Paired;

        var refused = await CreateAsync(setup);

        Assert.Contains("The source gan-b includes only melanomas: a source's AUC compares melanomas with other lesions. Give a pool of the other class the same source name.", refused.Errors);
        Assert.Contains("The source gan-b-nevus includes no melanoma: a source's AUC compares melanomas with other lesions. Give a pool of the other class the same source name.", refused.Errors);
        Assert.Contains(refused.Errors, e => e.StartsWith("A diagnosis study is untimed or shows each image for a fixed time", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_raters_diagnose_it_and_the_dashboard_equals_the_command_line_on_the_export()
    {
        var id = await _world.StartedStudyAsync(Setup(feedback: true));
        var classes = await ItemClassesAsync(id);
        // 8 reals (4 melanomas, 4 nevi) and 8 fakes of gan-b (its melanoma and nevus pools), every class known.
        Assert.Equal(
            [("Phantom reals", LesionClassNames.Melanoma, 4), ("Phantom reals", LesionClassNames.Nevus, 4), (Generator, LesionClassNames.Melanoma, 4), (Generator, LesionClassNames.Nevus, 4)],
            classes.Values.GroupBy(c => c).OrderBy(g => g.Key.Source, StringComparer.Ordinal).ThenBy(g => g.Key.Class, StringComparer.Ordinal)
                .Select(g => (g.Key.Source, g.Key.Class!, g.Count())));

        foreach (var (rater, raterId, offset) in new[] { ("rater1", _world.Rater1Id, 0), ("rater2", _world.Rater2Id, 1) })
        {
            await using var scope = _world.As(rater, Roles.Rater);
            var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
            var step = (await session.GetStepAsync(id, Ct))!;
            Assert.Equal((RatingTask.Diagnosis, true, 0), (step.Task, step.AskDiagnosis, step.Tags.Count));
            // The diagnosis is asked for: an answer without one is refused, and nothing is saved.
            var missing = await session.SubmitAsync(new(id, step.Position, 4, [], null, DateTimeOffset.UtcNow, 0));
            Assert.Equal((SubmitOutcome.Invalid, "Pick a diagnosis: melanoma, nevus or seborrheic keratosis."), (missing.Outcome, missing.Message));
            while (!step.Finished)
            {
                var item = classes[await ShownItemAsync(id, raterId, step.Position)];
                var melanoma = item.Class == LesionClassNames.Melanoma;
                // Raters who mostly see it, and miss some: a melanoma scored 3-6, another lesion 1-4.
                var response = melanoma ? 3 + (step.Position + offset) % 4 : 1 + (step.Position + offset) % 4;
                var pick = response >= 4 ? "melanoma" : step.Position % 5 == 0 ? "Seborrheic Keratosis" : "nevus";
                var saved = await session.SubmitAsync(new(id, step.Position, response, [], null, DateTimeOffset.UtcNow, 0, Diagnosis: pick));
                Assert.Equal(SubmitOutcome.Saved, saved.Outcome);
                // Feedback on the lesion's class, never on its origin.
                Assert.Equal((null, item.Class), (saved.Truth, saved.Class));
                step = saved.Next!;
            }
        }

        var client = await _world.SignedInClientAsync("lead");
        var csv = await client.GetStringAsync($"/api/studies/{id}/ratings.csv", Ct);
        var rows = RatingsCsv.Read(new StringReader(csv));
        Assert.True(rows.IsValid, string.Join(" ", rows.Errors));
        Assert.Equal(32, rows.Rows.Count);
        Assert.All(rows.Rows, r => Assert.Equal(RatingTask.Diagnosis, r.Task));
        Assert.All(rows.Rows, r => Assert.Contains(r.Diagnosis, new[] { "melanoma", "nevus", "seborrheic_keratosis" }));
        Assert.Contains(rows.Rows, r => r.Diagnosis == "seborrheic_keratosis");

        await using var lead = _world.As("lead", Roles.Lead);
        var statistics = lead.ServiceProvider.GetRequiredService<IStudyStatistics>();
        Assert.Equal(RatingTask.Diagnosis, (await statistics.StudyAsync(id, Ct))!.Task);
        var diagnosis = (await statistics.DashboardAsync(id, Ct))!.Report.Diagnosis!;
        Assert.Equal(["Phantom reals", Generator], diagnosis.Sources.Select(s => s.Source));
        Assert.Equal([true, false], diagnosis.Sources.Select(s => s.Real));
        Assert.All(diagnosis.Sources, s => Assert.Equal((8, 4, 2), (s.Items, s.Melanomas, s.Raters.Count)));

        var path = Path.Combine(_world.Factory.DataDirectory, "export.csv");
        await File.WriteAllTextAsync(path, csv, Ct);
        var cli = await MrmcAsync("mrmc", "--ratings", path, "--json");
        var dashboard = diagnosis.Comparison!;
        Assert.Equal(dashboard.Tests.Select(t => t.Name), cli.Tests.Select(t => t.Name));
        foreach (var (mine, theirs) in dashboard.Tests.Zip(cli.Tests))
        {
            Assert.Equal(theirs.Auc, mine.Auc, 12);
            Assert.Equal(theirs.CiLower, mine.CiLower, 12);
            Assert.Equal(theirs.CiUpper, mine.CiUpper, 12);
        }
        var (d, c) = (Assert.Single(dashboard.Comparisons), Assert.Single(cli.Comparisons));
        Assert.Equal((c.Difference, c.CiLower, c.CiUpper, c.P), (d.Difference, d.CiLower, d.CiUpper, d.P));
        // The statistics export carries the same analysis.
        using var exported = JsonDocument.Parse(await client.GetStringAsync($"/api/studies/{id}/statistics.json", Ct));
        var json = exported.RootElement.GetProperty("diagnosis");
        Assert.Equal(2, json.GetProperty("sources").GetArrayLength());
        Assert.Equal(d.Difference, json.GetProperty("comparison").GetProperty("comparisons")[0].GetProperty("difference").GetDouble(), 12);
        // The per-source AUC (mean of the raters') is the MRMC test's AUC.
        Assert.All(diagnosis.Sources, s => Assert.Equal(dashboard.Tests.Single(t => t.Name == s.Source).Auc, s.Pooled.Auc!.Value, 12));
    }

    [Fact]
    public async Task Blinding_holds_every_image_has_one_length_and_no_step_names_a_class_or_a_source()
    {
        var id = await _world.StartedStudyAsync(Setup());
        var client = await _world.SignedInClientAsync("rater1");
        await using var scope = _world.As("rater1", Roles.Rater);
        var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
        var step = (await session.GetStepAsync(id, Ct))!;
        var lengths = new HashSet<long>();
        while (!step.Finished)
        {
            // The study's own texts aside (its instructions speak of melanomas), nothing of the item.
            var json = JsonSerializer.Serialize(step with { Instructions = "", StudyName = "" });
            foreach (var word in new[] { "melanoma", "nevus", "Phantom", Generator, "Real", "Fake" })
                Assert.DoesNotContain(word, json, StringComparison.OrdinalIgnoreCase);
            var response = await client.GetAsync(step.ImageUrl, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            lengths.Add((await response.Content.ReadAsByteArrayAsync(Ct)).Length);
            var saved = await session.SubmitAsync(new(id, step.Position, 2, [], null, DateTimeOffset.UtcNow, 0, Diagnosis: "nevus"));
            // Without feedback nothing of the item comes back.
            Assert.Equal((SubmitOutcome.Saved, null, null), (saved.Outcome, saved.Truth, saved.Class));
            step = saved.Next!;
        }
        Assert.Equal([StoredPng.EncodedLength(48, 48)], lengths);
    }

    [Fact]
    public async Task Practice_scores_melanoma_or_not_and_tells_the_class_and_catch_trials_stay_out_of_the_analysis()
    {
        var setup = Setup();
        // The dataset's 12 reals: 8 for the study, 2 for practice, 2 for catch trials (beside 2 noise images).
        (setup.PracticeCount, setup.PracticePassMark, setup.CatchCount) = (4, 0.75, 4);
        var id = await _world.StartedStudyAsync(setup);
        await using var scope = _world.As("rater1", Roles.Rater);
        var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
        var classes = await ItemClassesAsync(id, mainOnly: false);

        var step = (await session.GetStepAsync(id, Ct))!;
        Assert.Equal(1, step.PracticeRound);
        var results = new List<SubmitResult>();
        while (step.PracticeRound is not null)
        {
            var item = classes[await ShownItemAsync(id, _world.Rater1Id, step.Position)];
            // Every practice answer right: 5 for a melanoma, 2 for anything else.
            var saved = await session.SubmitAsync(new(id, step.Position, item.Class == LesionClassNames.Melanoma ? 5 : 2, [], null, DateTimeOffset.UtcNow, 0, Diagnosis: "nevus"));
            Assert.Equal((null, item.Class), (saved.Truth, saved.Class));
            results.Add(saved);
            step = saved.Next!;
        }
        Assert.Equal(4, results.Count);
        Assert.StartsWith("Practice round 1: 4 of 4 right. The study starts now", results[^1].Note, StringComparison.Ordinal);

        while (!step.Finished)
            step = (await session.SubmitAsync(new(id, step.Position, 3, [], null, DateTimeOffset.UtcNow, 0, Diagnosis: "nevus"))).Next!;
        await using var lead = _world.As("lead", Roles.Lead);
        var rows = await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().GetRatingsAsync(id, Ct);
        Assert.Equal((4, 4, 16), (rows.Count(r => r.IsPractice), rows.Count(r => r.IsCatch), rows.Count(r => !r.IsPractice && !r.IsCatch)));
        // Catch noise has no class; the analysis reads the 16 counted answers only.
        Assert.Equal(2, rows.Count(r => r.IsCatch && r.Class is null));
        var report = (await lead.ServiceProvider.GetRequiredService<IStudyStatistics>().DashboardAsync(id, Ct))!.Report;
        Assert.Equal(16, report.Diagnosis!.Sources.Sum(s => s.Pooled.Answers));
        // Every catch answer was 3 ("benign"): right for the noise and a nevus, wrong for a melanoma.
        var catches = rows.Where(r => r.IsCatch).ToList();
        var accuracy = Assert.Single(report.Protocol.Catch).Accuracy;
        Assert.Equal((catches.Count(r => r.Class != LesionClassNames.Melanoma), 4), (accuracy.Successes, accuracy.Trials));
    }

    [Fact]
    public async Task A_picked_diagnosis_is_kept_with_the_draft_on_another_device_until_submitted()
    {
        var id = await _world.StartedStudyAsync(Setup());
        int position;
        await using (var first = _world.As("rater1", Roles.Rater))
        {
            var session = first.ServiceProvider.GetRequiredService<IRatingSession>();
            position = (await session.GetStepAsync(id, Ct))!.Position;
            Assert.True((await session.SaveDraftAsync(new(id, position, 5, [], null, "Melanoma"))).Succeeded);
            Assert.Equal(["Pick a diagnosis: melanoma, nevus or seborrheic keratosis."], (await session.SaveDraftAsync(new(id, position, 5, [], null, "flu"))).Errors);
        }

        await using var second = _world.As("rater1", Roles.Rater);
        var again = (await second.ServiceProvider.GetRequiredService<IRatingSession>().GetStepAsync(id, Ct))!;
        Assert.Equal((position, 5, "melanoma"), (again.Draft!.Position, again.Draft.Response, again.Draft.Diagnosis));
    }

    /// <summary>The study's items' (by default its main items') source and class, by item id.</summary>
    private async Task<Dictionary<long, (string Source, string? Class)>> ItemClassesAsync(int studyId, bool mainOnly = true)
    {
        await using var scope = _world.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        return await db.Set<StudyItem>().Where(i => i.StudyId == studyId && (!mainOnly || i.Role == ItemRole.Main))
            .ToDictionaryAsync(i => i.Id, i => (i.Source, i.Class), Ct);
    }

    /// <summary>The item a rater was given at a place (its showing, made when the step was read).</summary>
    private async Task<long> ShownItemAsync(int studyId, string raterId, int position)
    {
        await using var scope = _world.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        return await db.Set<StudyShowing>().Where(w => w.StudyId == studyId && w.RaterId == raterId && w.Position == position)
            .Select(w => w.ItemId).SingleAsync(Ct);
    }

    /// <summary>Runs the built command line (the melanogans.dll beside the tests) and reads its JSON.</summary>
    private static async Task<MrmcReport> MrmcAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "melanogans.dll") }.Concat(args)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, await error);
        return JsonSerializer.Deserialize<MrmcReport>(await output, StudyReportJson.Options)!;
    }
}
