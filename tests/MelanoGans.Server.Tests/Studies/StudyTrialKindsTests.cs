using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Studies;

/// <summary>Paired choice (2AFC), practice rounds and catch trials served to raters, recorded and counted.</summary>
public sealed class StudyTrialKindsTests : IAsyncLifetime
{
    private StudyWorld _world = default!;

    public async ValueTask InitializeAsync() => _world = await StudyWorld.CreateAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<StudioDbContext> DbAsync() =>
        await _world.Factory.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync(Ct);

    /// <summary>The showing at a place, with the truths of its left and right images (what the test's "rater" knows).</summary>
    private async Task<(RatingTruth Left, RatingTruth? Right, ItemRole Role)> ShownAsync(int studyId, string rater, int position)
    {
        await using var db = await DbAsync();
        var shown = await (
                from s in db.Set<StudyShowing>()
                join u in db.Users on s.RaterId equals u.Id
                where s.StudyId == studyId && u.UserName == rater && s.Position == position
                select s)
            .SingleAsync(Ct);
        var left = await db.Set<StudyItem>().SingleAsync(i => i.Id == shown.ItemId, Ct);
        var right = shown.PairItemId is { } id ? await db.Set<StudyItem>().SingleAsync(i => i.Id == id, Ct) : null;
        return (left.Truth, right?.Truth, left.Role);
    }

    private static AnswerSubmission Pick(int studyId, RatingStep step, bool left) =>
        new(studyId, step.Position, RatingRow.NoResponse, [], null, DateTimeOffset.UtcNow.AddSeconds(-1), 800, null, left);

    private static AnswerSubmission Rate(int studyId, RatingStep step, int response) =>
        new(studyId, step.Position, response, [], null, DateTimeOffset.UtcNow.AddSeconds(-1), 800);

    [Fact]
    public async Task Two_raters_answer_a_paired_study_and_the_export_and_deception_follow_their_choices()
    {
        var setup = _world.Setup(reals: 4, fakes: 6);
        setup.Mode = RatingMode.Paired;
        var id = await _world.StartedStudyAsync(setup);

        // rater1 always picks the real image; rater2 always picks the fake one.
        var leftUrls = new Dictionary<string, List<string>>();
        foreach (var (rater, picksReal) in new[] { ("rater1", true), ("rater2", false) })
        {
            await using var scope = _world.As(rater, Roles.Rater);
            var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
            leftUrls[rater] = [];
            var fakeOnLeft = 0;
            for (var step = (await session.GetStepAsync(id, Ct))!; !step.Finished; step = (await session.GetStepAsync(id, Ct))!)
            {
                Assert.NotNull(step.PairImageUrl);
                Assert.NotEqual(step.ImageUrl, step.PairImageUrl);
                leftUrls[rater].Add(step.ImageUrl!);
                var (left, right, _) = await ShownAsync(id, rater, step.Position);
                Assert.NotEqual(left, right);
                if (left == RatingTruth.Fake) fakeOnLeft++;
                Assert.Equal(SubmitOutcome.Invalid, (await session.SubmitAsync(Rate(id, step, 5))).Outcome); // a 6-point answer is refused
                var result = await session.SubmitAsync(Pick(id, step, left: (left == RatingTruth.Real) == picksReal));
                Assert.Equal(SubmitOutcome.Saved, result.Outcome);
            }
            Assert.Equal(3, fakeOnLeft); // sides balanced: the fake is on the left in half of the 6 trials
        }

        Assert.Empty(leftUrls["rater1"].Intersect(leftUrls["rater2"]));
        await using var lead = _world.As("lead", Roles.Lead);
        var rows = await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().GetRatingsAsync(id, Ct);
        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.Equal((RatingMode.Paired, RatingTruth.Fake, RatingRow.NoResponse), (r.Mode, r.Truth, r.Response)));
        Assert.All(rows, r => Assert.Contains(StudyRatings.PairSeparator, r.Item, StringComparison.Ordinal));
        Assert.All(rows.Where(r => r.Rater == "rater1"), r => Assert.Equal(RatingTruth.Real, r.Chosen));
        Assert.All(rows.Where(r => r.Rater == "rater2"), r => Assert.Equal(RatingTruth.Fake, r.Chosen));
        var paired = (await lead.ServiceProvider.GetRequiredService<IStudyStatistics>().DashboardAsync(id, Ct))!.Report.Protocol.Paired;
        Assert.Equal([0.0, 1.0], paired.Raters.OrderBy(r => r.Name).Select(r => r.Deception.Estimate!.Value));
        Assert.Equal(0.5, paired.Overall.Deception.Estimate);
    }

    [Fact]
    public async Task A_paired_image_token_is_served_to_its_rater_only()
    {
        var setup = _world.Setup(reals: 3, fakes: 3);
        setup.Mode = RatingMode.Paired;
        var id = await _world.StartedStudyAsync(setup);
        await using var scope = _world.As("rater1", Roles.Rater);
        var step = (await scope.ServiceProvider.GetRequiredService<IRatingSession>().GetStepAsync(id, Ct))!;

        using var rater1 = await _world.SignedInClientAsync("rater1");
        using var rater2 = await _world.SignedInClientAsync("rater2");
        var left = await rater1.GetAsync(step.ImageUrl, Ct);
        var right = await rater1.GetAsync(step.PairImageUrl, Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, left.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, right.StatusCode);
        Assert.NotEqual(await left.Content.ReadAsByteArrayAsync(Ct), await right.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(left.Content.Headers.ContentLength, right.Content.Headers.ContentLength);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await rater2.GetAsync(step.PairImageUrl, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_practice_round_under_the_pass_mark_is_followed_by_another_and_never_counts()
    {
        var setup = _world.Setup(reals: 3, fakes: 3, repeatShare: 0);
        (setup.PracticeCount, setup.PracticePassMark) = (4, 0.75);
        var id = await _world.StartedStudyAsync(setup);
        await using var scope = _world.As("rater1", Roles.Rater);
        var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();

        async Task<SubmitResult> AnswerAsync(bool right)
        {
            var step = (await session.GetStepAsync(id, Ct))!;
            var (truth, _, _) = await ShownAsync(id, "rater1", step.Position);
            return await session.SubmitAsync(Rate(id, step, (truth == RatingTruth.Fake) == right ? 2 : 5));
        }

        var first = (await session.GetStepAsync(id, Ct))!;
        Assert.Equal((1, 0.75), (first.PracticeRound, first.PracticePassMark));
        // Round 1: 2 of 4 right, under the mark. Each practice answer tells the truth, though the study has no feedback.
        var results = new List<SubmitResult>();
        foreach (var right in new[] { true, false, true, false }) results.Add(await AnswerAsync(right));
        Assert.All(results, r => Assert.NotNull(r.Truth));
        Assert.Equal("Practice round 1: 2 of 4 right. The pass mark is 75%: another practice round follows.", results[^1].Note);
        Assert.Equal(2, (await session.GetStepAsync(id, Ct))!.PracticeRound);
        // Round 2: 3 of 4, at the mark: the study starts, without feedback.
        foreach (var right in new[] { true, true, false, true }) results.Add(await AnswerAsync(right));
        Assert.StartsWith("Practice round 2: 3 of 4 right. The study starts now", results[^1].Note, StringComparison.Ordinal);
        var study = (await session.GetStepAsync(id, Ct))!;
        Assert.Null(study.PracticeRound);
        var counted = await AnswerAsync(true);
        Assert.Equal((SubmitOutcome.Saved, (RatingTruth?)null, (string?)null), (counted.Outcome, counted.Truth, counted.Note));

        await using var db = await DbAsync();
        var answers = await db.Set<Answer>().Where(a => a.StudyId == id).OrderBy(a => a.Position).ToListAsync(Ct);
        Assert.Equal([.. Enumerable.Repeat(true, 8), false], answers.Select(a => a.IsPractice));
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1], answers.Take(8).Select(a => a.RepeatIndex));
        var mine = (await session.ListAssignedAsync(Ct)).Single(s => s.Id == id);
        Assert.Equal((1, 6), (mine.Answered, mine.Total));
        await using var lead = _world.As("lead", Roles.Lead);
        var report = (await lead.ServiceProvider.GetRequiredService<IStudyStatistics>().DashboardAsync(id, Ct))!.Report;
        Assert.Equal((8, 1), (report.Protocol.PracticeAnswers, report.FirstAnswers));
    }

    [Fact]
    public async Task Catch_trials_are_noise_fakes_and_extra_reals_mixed_in_and_counted_only_in_catch_accuracy()
    {
        var setup = _world.Setup(reals: 4, fakes: 4, repeatShare: 0);
        setup.CatchCount = 4;
        var id = await _world.StartedStudyAsync(setup);

        await using (var db = await DbAsync())
        {
            var items = await db.Set<StudyItem>().Where(i => i.StudyId == id).ToListAsync(Ct);
            var catches = items.Where(i => i.Role == ItemRole.Catch).ToList();
            Assert.Equal((2, 2), (catches.Count(i => i.Truth == RatingTruth.Real), catches.Count(i => i.Truth == RatingTruth.Fake)));
            Assert.All(catches.Where(i => i.Truth == RatingTruth.Fake), i => Assert.Equal(StudyFreezer.CatchNoiseSource, i.Source));
            // Catch reals are reals the study does not use otherwise.
            var mainReals = items.Where(i => i.Role == ItemRole.Main && i.Truth == RatingTruth.Real).Select(i => i.DatasetImageId).ToHashSet();
            Assert.DoesNotContain(catches, i => i.DatasetImageId is { } image && mainReals.Contains(image));
        }

        await using var scope = _world.As("rater1", Roles.Rater);
        var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
        // The rater calls every catch trial wrong and every main one right.
        for (var step = (await session.GetStepAsync(id, Ct))!; !step.Finished; step = (await session.GetStepAsync(id, Ct))!)
        {
            Assert.Equal(12, step.Total);
            var (truth, _, role) = await ShownAsync(id, "rater1", step.Position);
            var right = role != ItemRole.Catch;
            Assert.Equal(SubmitOutcome.Saved, (await session.SubmitAsync(Rate(id, step, (truth == RatingTruth.Fake) == right ? 1 : 6))).Outcome);
        }

        await using var lead = _world.As("lead", Roles.Lead);
        var rows = await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().GetRatingsAsync(id, Ct);
        Assert.Equal(4, rows.Count(r => r.IsCatch));
        var report = (await lead.ServiceProvider.GetRequiredService<IStudyStatistics>().DashboardAsync(id, Ct))!.Report;
        Assert.Equal(0.0, report.Protocol.Catch.Single(c => c.Rater == "rater1").Accuracy.Estimate);
        Assert.Equal((8, 1.0), (report.FirstAnswers, report.Overall.Accuracy.Estimate!.Value));
    }

    [Fact]
    public async Task A_paired_study_gets_the_practice_trials_the_lead_typed_and_catch_trials_beside_different_reals()
    {
        var setup = _world.Setup(reals: 3, fakes: 4);
        (setup.Mode, setup.PracticeCount, setup.CatchCount) = (RatingMode.Paired, 2, 3);
        var id = await _world.StartedStudyAsync(setup);

        await using var scope = _world.As("rater1", Roles.Rater);
        var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
        var first = (await session.GetStepAsync(id, Ct))!;
        Assert.Equal((2, 2 + 4 + 3), (first.PracticeLength, first.Total));
        Assert.Equal((0, 7), (first.CountedAnswered, first.CountedTotal));
        var catchReals = new List<long>();
        for (var step = first; !step.Finished; step = (await session.GetStepAsync(id, Ct))!)
        {
            await using (var db = await DbAsync())
            {
                var shown = await (from s in db.Set<StudyShowing>()
                                   join u in db.Users on s.RaterId equals u.Id
                                   where s.StudyId == id && u.UserName == "rater1" && s.Position == step.Position
                                   select s).SingleAsync(Ct);
                var items = await db.Set<StudyItem>().Where(i => i.Id == shown.ItemId || i.Id == shown.PairItemId).ToListAsync(Ct);
                if (items.Any(i => i.Role == ItemRole.Catch)) catchReals.Add(items.Single(i => i.Truth == RatingTruth.Real).Id);
            }

            Assert.Equal(SubmitOutcome.Saved, (await session.SubmitAsync(Pick(id, step, left: true))).Outcome);
        }

        Assert.Equal(3, catchReals.Count);
        Assert.Equal(3, catchReals.Distinct().Count());
    }
}
