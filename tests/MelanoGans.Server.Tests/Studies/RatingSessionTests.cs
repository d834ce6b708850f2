using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Studies;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MelanoGans.Server.Tests.Studies;

/// <summary>The rater's workflow: order, resume, idempotent answers, refusals, and the ratings table.</summary>
public sealed class RatingSessionTests : IAsyncLifetime
{
    private StudyWorld _world = default!;

    public async ValueTask InitializeAsync() => _world = await StudyWorld.CreateAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private static AnswerSubmission Answer(int studyId, RatingStep step, int response = 4, params string[] tags) =>
        new(studyId, step.Position, response, tags, null, DateTimeOffset.UtcNow.AddSeconds(-2), 1500);

    private async Task<List<string>> WalkAsync(int studyId, string rater, int answers)
    {
        var urls = new List<string>();
        for (var i = 0; i < answers; i++)
        {
            // A fresh scope per answer, like a new page load or another device.
            await using var scope = _world.As(rater, Roles.Rater);
            var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
            var step = (await session.GetStepAsync(studyId, TestContext.Current.CancellationToken))!;
            urls.Add(step.ImageUrl!);
            Assert.Equal(SubmitOutcome.Saved, (await session.SubmitAsync(Answer(studyId, step, 1 + i % 6))).Outcome);
        }
        return urls;
    }

    [Fact]
    public async Task Each_rater_gets_a_stable_shuffle_of_their_own_and_resumes_at_the_next_unanswered_item()
    {
        var id = await _world.StartedStudyAsync();
        var first = await WalkAsync(id, "rater1", 5);

        await using var later = _world.As("rater1", Roles.Rater);
        var step = (await later.ServiceProvider.GetRequiredService<IRatingSession>().GetStepAsync(id, TestContext.Current.CancellationToken))!;
        Assert.Equal((5, 5, 13), (step.Position, step.Answered, step.Total));
        var rest = await WalkAsync(id, "rater1", 8);
        var rater1 = first.Concat(rest).ToList();
        var rater2 = await WalkAsync(id, "rater2", 13);

        // Twelve distinct items, one of them shown twice, far apart; the two raters see different orders. Every
        // showing has a URL of its own (a repeat too), so the items are read from the ratings table.
        Assert.Equal(13, rater1.Distinct().Count());
        await using var lead = _world.As("lead", Roles.Lead);
        var rows = await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().GetRatingsAsync(id, TestContext.Current.CancellationToken);
        var items1 = rows.Where(r => r.Rater == "rater1").Select(r => r.Item).ToList();
        var items2 = rows.Where(r => r.Rater == "rater2").Select(r => r.Item).ToList();
        Assert.Equal(12, items1.Distinct().Count());
        Assert.Equal(12, items2.Distinct().Count());
        Assert.Equal(items1.Distinct().Order(), items2.Distinct().Order());
        Assert.NotEqual(items1, items2);
        var repeated = items1.GroupBy(u => u).Single(g => g.Count() == 2).Key;
        Assert.True(items1.LastIndexOf(repeated) - items1.IndexOf(repeated) >= 4);

        await using var done = _world.As("rater1", Roles.Rater);
        var finished = (await done.ServiceProvider.GetRequiredService<IRatingSession>().GetStepAsync(id, TestContext.Current.CancellationToken))!;
        Assert.True(finished.Finished);
        Assert.Null(finished.ImageUrl);
    }

    [Fact]
    public async Task A_second_submit_of_the_same_item_is_refused_and_the_first_answer_is_kept()
    {
        var id = await _world.StartedStudyAsync();
        await using var scope = _world.As("rater1", Roles.Rater);
        var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
        var step = (await session.GetStepAsync(id, TestContext.Current.CancellationToken))!;

        Assert.Equal(SubmitOutcome.Saved, (await session.SubmitAsync(Answer(id, step, 2, "implausible border"))).Outcome);
        var again = await session.SubmitAsync(Answer(id, step, 6));

        Assert.Equal(SubmitOutcome.AlreadyAnswered, again.Outcome);
        Assert.True(again.Advances);
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var stored = Assert.Single(await db.Set<Answer>().ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, stored.Response);
        Assert.Equal(["implausible border"], stored.Tags);
    }

    [Fact]
    public async Task A_saved_answer_returns_the_next_step_as_asking_for_it_would()
    {
        var id = await _world.StartedStudyAsync();
        await using var scope = _world.As("rater1", Roles.Rater);
        var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
        var ct = TestContext.Current.CancellationToken;
        using var queries = new QueryCounter(_world.Factory.DataDirectory);
        for (var i = 0; i < 3; i++)
        {
            var step = (await session.GetStepAsync(id, ct))!;
            var result = await session.SubmitAsync(Answer(id, step, 2 + i));
            var asked = (await session.GetStepAsync(id, ct))!;

            var next = Assert.IsType<RatingStep>(result.Next);
            Assert.Equal((asked.Position, asked.Answered, asked.Total, asked.ImageUrl, asked.NextImageUrl, asked.ExposureMs),
                (next.Position, next.Answered, next.Total, next.ImageUrl, next.NextImageUrl, next.ExposureMs));
            Assert.Equal(step.Position + 1, next.Position);
        }

        // What an answer costs the database (docs/benchmarks.md): the submit with its next step, against asking again.
        var step4 = (await session.GetStepAsync(id, ct))!;
        var submit = await queries.CountAsync(() => session.SubmitAsync(Answer(id, step4, 5)));
        var ask = await queries.CountAsync(() => session.GetStepAsync(id, ct));
        // Measured on both providers: 8 (the account, the rater's study and answers, the insert, the next step) and 4.
        // A change that adds queries to every answer shows here.
        Assert.InRange(submit, 1, 8);
        Assert.InRange(ask, 1, 4);
    }

    [Fact]
    public async Task Concurrent_submits_of_the_same_item_store_exactly_one_answer()
    {
        var id = await _world.StartedStudyAsync();
        RatingStep step;
        await using (var peek = _world.As("rater1", Roles.Rater))
            step = (await peek.ServiceProvider.GetRequiredService<IRatingSession>().GetStepAsync(id, TestContext.Current.CancellationToken))!;

        // Eight circuits (a double click, a reconnect, a second tab...) send the same answer at once.
        var logged = _world.Log.Lines.Count;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var scope = _world.As("rater1", Roles.Rater);
            return (await scope.ServiceProvider.GetRequiredService<IRatingSession>().SubmitAsync(Answer(id, step, 1 + i % 6))).Outcome;
        }));

        Assert.Equal(1, outcomes.Count(o => o == SubmitOutcome.Saved));
        Assert.All(outcomes, o => Assert.Contains(o, new[] { SubmitOutcome.Saved, SubmitOutcome.AlreadyAnswered }));
        // A double press is normal work: decided without a failed insert, so nothing reads as an error in the log.
        Assert.DoesNotContain(_world.Log.Lines.Skip(logged), l => l.Level >= LogLevel.Error);
        await using var check = _world.As("lead", Roles.Lead);
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<StudioDbContext>().Set<Answer>().CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Unassigned_raters_leads_closed_studies_and_malformed_answers_are_refused()
    {
        var id = await _world.StartedStudyAsync();
        await using var rater = _world.As("rater1", Roles.Rater);
        var session = rater.ServiceProvider.GetRequiredService<IRatingSession>();
        var step = (await session.GetStepAsync(id, TestContext.Current.CancellationToken))!;

        await using var other = _world.As("rater3", Roles.Rater);
        var unassigned = other.ServiceProvider.GetRequiredService<IRatingSession>();
        Assert.Null(await unassigned.GetStepAsync(id, TestContext.Current.CancellationToken));
        Assert.Empty(await unassigned.ListAssignedAsync(TestContext.Current.CancellationToken));
        Assert.Equal(SubmitOutcome.NotAssigned, (await unassigned.SubmitAsync(Answer(id, step))).Outcome);

        // A lead has no way to name another rater: the answer is always the caller's, and a lead is no rater.
        await using var lead = _world.As("lead", Roles.Lead);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => lead.ServiceProvider.GetRequiredService<IRatingSession>().SubmitAsync(Answer(id, step)));

        Assert.Equal(SubmitOutcome.Invalid, (await session.SubmitAsync(Answer(id, step, 7))).Outcome);
        Assert.Equal(SubmitOutcome.Invalid, (await session.SubmitAsync(Answer(id, step, 0))).Outcome);
        Assert.Equal(SubmitOutcome.Invalid, (await session.SubmitAsync(Answer(id, step, 3, "not a tag"))).Outcome);
        Assert.Equal(SubmitOutcome.Invalid, (await session.SubmitAsync(Answer(id, step, 3) with { Position = step.Position + 1 })).Outcome);
        Assert.Equal(SubmitOutcome.Invalid, (await session.SubmitAsync(Answer(id, step, 3) with { Position = 999 })).Outcome);

        Assert.True((await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().CloseAsync(id)).Succeeded);
        Assert.Equal(SubmitOutcome.StudyNotOpen, (await session.SubmitAsync(Answer(id, step))).Outcome);
        Assert.Equal(0, await lead.ServiceProvider.GetRequiredService<StudioDbContext>().Set<Answer>().CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_ratings_table_has_one_row_per_answer_in_the_design_column_order_and_feeds_the_statistics()
    {
        var id = await _world.StartedStudyAsync();
        await WalkAsync(id, "rater1", 13);
        await WalkAsync(id, "rater2", 3);

        await using var lead = _world.As("lead", Roles.Lead);
        var rows = await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().GetRatingsAsync(id, TestContext.Current.CancellationToken);

        Assert.Equal(16, rows.Count);
        Assert.Equal(13, rows.Count(r => r.Rater == "rater1"));
        Assert.Equal(1, rows.Count(r => r.IsRepeat));
        Assert.All(rows, r => Assert.Equal("Turing test", r.Study));
        Assert.Equal(["dcgan-test", "Phantom reals"], rows.Select(r => r.Source).Distinct().Order());
        Assert.All(rows, r => Assert.Equal(r.Source == "dcgan-test" ? RatingTruth.Fake : RatingTruth.Real, r.Truth));
        Assert.All(rows, r => Assert.InRange(r.ActiveMs, 0, 1500));
        var csv = RatingsCsv.ToCsv(rows);
        Assert.StartsWith("study,rater,item,source,truth,response,tags,is_repeat,started_at,answered_at,active_ms,mode,exposure_ms,is_practice,is_catch,chosen,task,class,diagnosis\r\n", csv);
        Assert.All(rows, r => Assert.Equal((RatingMode.Untimed, null, false, false, null), (r.Mode, r.ExposureMs, r.IsPractice, r.IsCatch, r.Chosen)));
        var back = RatingsCsv.Read(new StringReader(csv));
        Assert.Empty(back.Errors);
        Assert.Equal(16, back.Rows.Count);
        var report = StudyStatistics.Compute(back.Rows, new StatisticsOptions { BootstrapResamples = 0 });
        Assert.Equal((16, 1, 2), (report.Answers, report.RepeatAnswers, report.Raters.Count));
    }

    [Fact]
    public async Task Raters_see_their_assigned_started_studies_with_their_own_progress_only()
    {
        var id = await _world.StartedStudyAsync();
        await using (var lead = _world.As("lead", Roles.Lead))
            await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().CreateAsync(_world.Setup());
        await WalkAsync(id, "rater2", 4);

        await using var rater = _world.As("rater1", Roles.Rater);
        var listed = Assert.Single(await rater.ServiceProvider.GetRequiredService<IRatingSession>().ListAssignedAsync(TestContext.Current.CancellationToken));

        Assert.Equal(new AssignedStudy(id, "Turing test", StudyState.Open, 0, 13), listed);
    }
}
