using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Studies;

/// <summary>Timed protocols on the server (fixed exposure, staircase), their set-up checks, and a lead's rater exclusion.</summary>
public sealed class StudyProtocolTests : IAsyncLifetime
{
    private StudyWorld _world = default!;

    public async ValueTask InitializeAsync() => _world = await StudyWorld.CreateAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AnswerSubmission Answer(int studyId, RatingStep step, int response, int? exposureMs) =>
        new(studyId, step.Position, response, [], null, DateTimeOffset.UtcNow.AddSeconds(-2), 1500, exposureMs);

    private async Task<RatingTruth> TruthAsync(int studyId, string rater, int position)
    {
        await using var db = await _world.Factory.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync(Ct);
        return await (
                from s in db.Set<StudyShowing>()
                join i in db.Set<StudyItem>() on s.ItemId equals i.Id
                join u in db.Users on s.RaterId equals u.Id
                where s.StudyId == studyId && u.UserName == rater && s.Position == position
                select i.Truth)
            .SingleAsync(Ct);
    }

    private async Task<List<Answer>> AnswersAsync(int studyId)
    {
        await using var db = await _world.Factory.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync(Ct);
        return await db.Set<Answer>().Where(a => a.StudyId == studyId).OrderBy(a => a.Position).ToListAsync(Ct);
    }

    [Fact]
    public async Task Fixed_exposure_is_served_measured_recorded_flagged_and_exported()
    {
        var setup = _world.Setup();
        (setup.Mode, setup.ExposureMs) = (RatingMode.Fixed, 300);
        var id = await _world.StartedStudyAsync(setup);
        await using var scope = _world.As("rater1", Roles.Rater);
        var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();

        var step = (await session.GetStepAsync(id, Ct))!;
        Assert.Equal((RatingMode.Fixed, 300), (step.Mode, step.ExposureMs));
        var unmeasured = await session.SubmitAsync(Answer(id, step, 2, null));
        Assert.Equal(SubmitOutcome.Invalid, unmeasured.Outcome);
        Assert.Equal(SubmitOutcome.Saved, (await session.SubmitAsync(Answer(id, step, 2, 310))).Outcome);
        step = (await session.GetStepAsync(id, Ct))!;
        Assert.Equal(SubmitOutcome.Saved, (await session.SubmitAsync(Answer(id, step, 5, 334))).Outcome);

        var answers = await AnswersAsync(id);
        Assert.Equal([(300, 310, false), (300, 334, true)], answers.Select(a => (a.TargetExposureMs!.Value, a.ExposureMs!.Value, a.ExposureMissed)));
        await using var lead = _world.As("lead", Roles.Lead);
        var rows = await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().GetRatingsAsync(id, Ct);
        Assert.Equal([(RatingMode.Fixed, 310), (RatingMode.Fixed, 334)], rows.Select(r => (r.Mode, r.ExposureMs!.Value)));
        Assert.Contains(",fixed,310,false,false,", MelanoGans.Shared.Statistics.RatingsCsv.ToCsv(rows), StringComparison.Ordinal);
        Assert.Equal(1, (await lead.ServiceProvider.GetRequiredService<IStudyStatistics>().StudyAsync(id, Ct))!.ExposureMisses);
    }

    [Fact]
    public async Task A_timed_image_is_shown_once_a_reload_gets_the_mask_and_the_first_exposure_and_the_image_is_no_longer_served()
    {
        var setup = _world.Setup();
        (setup.Mode, setup.ExposureMs) = (RatingMode.Fixed, 300);
        var id = await _world.StartedStudyAsync(setup);
        await using var scope = _world.As("rater1", Roles.Rater);
        var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
        var step = (await session.GetStepAsync(id, Ct))!;
        Assert.Null(step.ShownExposureMs);
        using var client = await _world.SignedInClientAsync("rater1");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(step.ImageUrl, Ct)).StatusCode);

        var first = await session.MarkShownAsync(id, step.Position, 305);
        // A second tab of the same rater (another scope) records the same place later: the first record stands.
        await using var secondTab = _world.As("rater1", Roles.Rater);
        var again = await secondTab.ServiceProvider.GetRequiredService<IRatingSession>().MarkShownAsync(id, step.Position, 900);

        Assert.True(first.Succeeded);
        Assert.False(again.Succeeded);
        // A reload (a new circuit) gets the same place, marked shown with the first exposure, and the image is gone.
        await using var reload = _world.As("rater1", Roles.Rater);
        var after = (await reload.ServiceProvider.GetRequiredService<IRatingSession>().GetStepAsync(id, Ct))!;
        Assert.Equal((step.Position, step.ImageUrl, 305), (after.Position, after.ImageUrl, after.ShownExposureMs));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync(step.ImageUrl, Ct)).StatusCode);
        // Another rater cannot mark this rater's place.
        await using var other = _world.As("rater2", Roles.Rater);
        Assert.False((await other.ServiceProvider.GetRequiredService<IRatingSession>().MarkShownAsync(id, step.Position + 1, 300)).Succeeded);
    }

    [Fact]
    public async Task The_staircase_shortens_after_two_right_answers_and_lengthens_after_an_error()
    {
        var setup = _world.Setup();
        (setup.Mode, setup.StaircaseStartMs, setup.StaircaseMinMs, setup.StaircaseMaxMs) = (RatingMode.Staircase, 400, 100, 1000);
        var id = await _world.StartedStudyAsync(setup);
        var shown = new List<int>();
        foreach (var right in new[] { true, true, false, true, true, true, true })
        {
            // A fresh scope per answer: the staircase is rebuilt from the stored answers, not kept in the circuit.
            await using var scope = _world.As("rater1", Roles.Rater);
            var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
            var step = (await session.GetStepAsync(id, Ct))!;
            Assert.Equal(RatingMode.Staircase, step.Mode);
            shown.Add(step.ExposureMs!.Value);
            var fake = await TruthAsync(id, "rater1", step.Position) == RatingTruth.Fake;
            var response = fake == right ? 2 : 5;
            Assert.Equal(SubmitOutcome.Saved, (await session.SubmitAsync(Answer(id, step, response, step.ExposureMs + 3))).Outcome);
        }

        // 400, 400 (two right: down to 320), 320 (error: up to 400), 400, 400 (down to 320), 320, 320 (down to 256).
        Assert.Equal([400, 400, 320, 400, 400, 320, 320], shown);
        await using var other = _world.As("rater2", Roles.Rater);
        Assert.Equal(400, (await other.ServiceProvider.GetRequiredService<IRatingSession>().GetStepAsync(id, Ct))!.ExposureMs);
        await using var again = _world.As("rater1", Roles.Rater);
        Assert.Equal(256, (await again.ServiceProvider.GetRequiredService<IRatingSession>().GetStepAsync(id, Ct))!.ExposureMs);
    }

    [Theory]
    [InlineData(RatingMode.Fixed, 10, 500, 50, 2000, "The exposure must be between 34 and 10000 ms.")]
    [InlineData(RatingMode.Staircase, 500, 3000, 50, 2000, "The first exposure must lie between 50 and 2000 ms.")]
    [InlineData(RatingMode.Staircase, 500, 500, 20, 2000, "The staircase's exposures must lie between 34 and 10000 ms.")]
    public async Task Protocol_set_ups_that_cannot_run_are_refused_with_the_reason(RatingMode mode, int exposure, int start, int min, int max, string error)
    {
        var setup = _world.Setup();
        (setup.Mode, setup.ExposureMs, setup.StaircaseStartMs, setup.StaircaseMinMs, setup.StaircaseMaxMs) = (mode, exposure, start, min, max);
        await using var lead = _world.As("lead", Roles.Lead);

        var (result, _) = await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().CreateAsync(setup);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.StartsWith(error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_protocol_round_trips_through_the_set_up()
    {
        var setup = _world.Setup();
        (setup.Mode, setup.StaircaseStartMs, setup.StaircaseMinMs, setup.StaircaseMaxMs) = (RatingMode.Staircase, 600, 80, 1500);
        await using var lead = _world.As("lead", Roles.Lead);
        var admin = lead.ServiceProvider.GetRequiredService<IStudyAdministration>();

        var (created, id) = await admin.CreateAsync(setup);
        var back = (await admin.GetSetupAsync(id, Ct))!;

        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        Assert.Equal((RatingMode.Staircase, 600, 80, 1500), (back.Mode, back.StaircaseStartMs, back.StaircaseMinMs, back.StaircaseMaxMs));
    }

    [Fact]
    public async Task A_lead_excludes_a_rater_the_statistics_change_say_so_and_record_who_and_when()
    {
        var id = await _world.StartedStudyAsync();
        foreach (var rater in new[] { "rater1", "rater2" })
        {
            for (var i = 0; i < 4; i++)
            {
                await using var scope = _world.As(rater, Roles.Rater);
                var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
                var step = (await session.GetStepAsync(id, Ct))!;
                Assert.Equal(SubmitOutcome.Saved, (await session.SubmitAsync(Answer(id, step, rater == "rater1" ? 2 : 5, null))).Outcome);
            }
        }

        await using var lead = _world.As("lead", Roles.Lead);
        var admin = lead.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var statistics = lead.ServiceProvider.GetRequiredService<IStudyStatistics>();
        var before = (await statistics.DashboardAsync(id, Ct))!.Report;

        var excluded = await admin.SetRaterExcludedAsync(id, "rater2", excluded: true);
        var twice = await admin.SetRaterExcludedAsync(id, "rater2", excluded: true);
        var stranger = await admin.SetRaterExcludedAsync(id, "rater3", excluded: true);
        var after = (await statistics.DashboardAsync(id, Ct))!.Report;
        var info = (await statistics.StudyAsync(id, Ct))!;

        Assert.True(excluded.Succeeded, string.Join(" ", excluded.Errors));
        Assert.Equal(["rater2 is already excluded."], twice.Errors);
        Assert.Equal(["rater3 is not a rater of this study."], stranger.Errors);
        Assert.Equal(2, before.RaterCount);
        Assert.Equal(1, after.RaterCount);
        Assert.Equal([new MelanoGans.Shared.Statistics.RaterExclusion("rater2", 4)], after.Protocol.Exclusions);
        Assert.Contains("Rater 'rater2' is excluded: 4 rows left out of every statistic but catch accuracy.", after.Messages);
        var record = Assert.Single(info.Exclusions!);
        Assert.Equal(("rater2", "lead"), (record.Rater, record.By));
        Assert.InRange(record.At, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);

        Assert.True((await admin.SetRaterExcludedAsync(id, "rater2", excluded: false)).Succeeded);
        Assert.Equal(2, (await statistics.DashboardAsync(id, Ct))!.Report.RaterCount);
        Assert.Empty((await statistics.StudyAsync(id, Ct))!.Exclusions!);
    }

    [Fact]
    public async Task Two_leads_excluding_the_same_rater_at_once_exclude_once_and_the_second_is_told()
    {
        var id = await _world.StartedStudyAsync();
        await StudySeed.AddUserAsync(_world.Factory.Services, "lead2", StudyWorld.Password, Roles.Lead);
        await _world.ShareAsync(id, "lead2");
        await using var first = _world.As("lead", Roles.Lead);
        await using var second = _world.As("lead2", Roles.Lead);

        var results = await Task.WhenAll(
            first.ServiceProvider.GetRequiredService<IStudyAdministration>().SetRaterExcludedAsync(id, "rater2", excluded: true),
            second.ServiceProvider.GetRequiredService<IStudyAdministration>().SetRaterExcludedAsync(id, "rater2", excluded: true));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(["rater2 is already excluded."], Assert.Single(results, r => !r.Succeeded).Errors);
        var record = Assert.Single((await first.ServiceProvider.GetRequiredService<IStudyStatistics>().StudyAsync(id, Ct))!.Exclusions!);
        Assert.Contains(record.By, new[] { "lead", "lead2" });
    }
}
