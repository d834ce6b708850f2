using System.Globalization;
using MelanoGans.Client.Components.Statistics;
using MelanoGans.Client.Services;
using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.EndToEnd.Tests.Studies;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Statistics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Statistics;

/// <summary>
/// Issue 22: a lead opens the dashboard of a real study of each protocol (practice and catch trials in each), answered
/// by two raters through the rating service, and reads that protocol's score and its per-rater rows, equal to what
/// <c>melanogans stats</c> computes from the study's ratings CSV export (the same <see cref="StudyStatistics"/>).
/// </summary>
public sealed class ProtocolDashboardTests(BrowserFixture browser)
{
    private int _leftPicks;

    [Theory]
    [InlineData(RatingMode.Untimed)]
    [InlineData(RatingMode.Fixed)]
    [InlineData(RatingMode.Staircase)]
    [InlineData(RatingMode.Paired)]
    public async Task The_lead_reads_the_protocols_score_and_its_rows_per_rater(RatingMode mode)
    {
        var prefix = "dash" + mode.ToString().ToLowerInvariant();
        // Sources of 10 and 10: 6 + 6 study items, the rest for the practice and catch trials.
        var study = await BrowserStudy.StartAsync(browser.Factory, prefix, reals: 10, fakes: 10, s =>
        {
            (s.Mode, s.PracticeCount, s.CatchCount, s.ExposureMs) = (mode, 2, 2, 300);
            (s.RealCount, s.Pools[0].Count) = (6, 6);
            (s.StaircaseStartMs, s.StaircaseMinMs) = (300, 50);
        }, "ann", "bob");
        var random = new Random(7);
        foreach (var rater in study.Raters) await AnswerEverythingAsync(study, rater, random);

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        await StudioPage.SignInAsync(page, study.Lead, BrowserStudy.Password);
        var csv = await page.APIRequest.GetAsync($"/api/studies/{study.StudyId}/ratings.csv");
        Assert.Equal(200, csv.Status);
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, await csv.TextAsync(), TestContext.Current.CancellationToken);
        var rows = RatingsCsv.Read(path).Rows;
        File.Delete(path);
        var expected = StudyStatistics.Compute(rows, new StatisticsOptions()).Protocol;

        await page.GotoAsync($"/statistics/{study.StudyId}");
        await StudioPage.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=dashboard]").WaitForAsync();

        // One count of "answered" on every page: practice apart; here it equals the API's expected answers of a finished study.
        var counted = rows.Count(r => !r.IsPractice);
        await Assertions.Expect(page.Locator("[data-testid=answers]")).ToHaveTextAsync(counted.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(counted, await ExpectedAnswersAsync(study));
        await Assertions.Expect(page.Locator("[data-testid=raters-answered]")).ToHaveTextAsync("2 raters have answered");
        await Assertions.Expect(page.Locator("[data-testid=protocol-chip]")).ToHaveTextAsync(ProtocolLabel.Of(mode, mode == RatingMode.Fixed ? 300 : null));
        await Assertions.Expect(page.Locator("[data-testid=practice-summary]")).ToContainTextAsync($"{expected.PracticeAnswers} practice answers");
        await Assertions.Expect(page.Locator("[data-testid=no-protocol-answers]")).ToHaveCountAsync(0);

        switch (mode)
        {
            case RatingMode.Untimed:
                await Assertions.Expect(page.Locator("[data-testid=hype-infinity]")).ToContainTextAsync(StatisticsFormat.Hype(expected.HypeInfinity.Overall));
                await ExpectRowsAsync(page, "hype-rater", expected.HypeInfinity.Raters.Select(r => (r.Name, StatisticsFormat.Hype(r))));
                break;
            case RatingMode.Fixed:
                await Assertions.Expect(page.Locator("[data-testid=fixed-score]")).ToContainTextAsync($"HYPE at 300 ms {StatisticsFormat.Hype(expected.FixedExposure.Scores.Overall)}");
                await ExpectRowsAsync(page, "hype-rater", expected.FixedExposure.Scores.Raters.Select(r => (r.Name, StatisticsFormat.Hype(r))));
                await Assertions.Expect(page.Locator("[data-testid=fixed-exposure-summary]")).ToContainTextAsync($"measured median {StatisticsFormat.Milliseconds(expected.FixedExposure.Exposure.MedianMs)}");
                await Assertions.Expect(page.Locator("[data-testid=exposure-bars] rect")).ToHaveCountAsync(expected.FixedExposure.Exposure.Counts.Count);
                break;
            case RatingMode.Staircase:
                await Assertions.Expect(page.Locator("[data-testid=hype-time]")).ToContainTextAsync(StatisticsFormat.Threshold(expected.HypeTime.Overall));
                await ExpectRowsAsync(page, "hype-time-rater", expected.HypeTime.Raters.Select(r => (r.Rater, StatisticsFormat.Milliseconds(r.ThresholdMs))));
                await Assertions.Expect(page.Locator("[data-testid=staircase-line] circle")).ToHaveCountAsync(expected.HypeTime.Raters.Sum(r => r.Steps.Count));
                break;
            case RatingMode.Paired:
                await Assertions.Expect(page.Locator("[data-testid=paired-choice]")).ToContainTextAsync(StatisticsFormat.WithInterval(expected.Paired.Overall.Deception));
                await ExpectRowsAsync(page, "paired-rater", expected.Paired.Raters.Select(r => (r.Name, StatisticsFormat.WithInterval(r.Deception))));
                await Assertions.Expect(page.Locator("[data-testid=paired-model]")).ToHaveCountAsync(expected.Paired.Models.Count);
                await Assertions.Expect(page.Locator("[data-testid=overall-accuracy]")).ToHaveTextAsync(StatisticsFormat.Percent(expected.Paired.Overall.Deception.Estimate));
                await Assertions.Expect(page.Locator("[data-testid=no-six-point]")).ToBeVisibleAsync();
                // Sides are not in the table: the answers' picks, as the service stored them, are.
                await Assertions.Expect(page.Locator("[data-testid=paired-sides]")).ToContainTextAsync($"in {_leftPicks} of {expected.Paired.Overall.Deception.Trials} trials");
                break;
        }

        // The docs show the protocol's panel: the header and cards above it are alike for every protocol.
        await page.Locator("[data-testid=hype-panel]").ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => window.scrollBy(0, document.querySelector('[data-testid=hype-panel]').getBoundingClientRect().top - 120)");
        await StudioPage.ScreenshotAsync(page, $"dashboard-{mode.ToString().ToLowerInvariant()}");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.SetViewportSizeAsync(1920, 1080);
        await StudioPage.ScreenshotAsync(page, $"dashboard-{mode.ToString().ToLowerInvariant()}-1920");
        await page.Context.CloseAsync();
    }

    /// <summary>Each expected rater has one row whose text holds the expected figure.</summary>
    private static async Task ExpectRowsAsync(IPage page, string testId, IEnumerable<(string Rater, string Figure)> expected)
    {
        var list = expected.ToList();
        Assert.Equal(2, list.Count);
        await Assertions.Expect(page.Locator($"[data-testid={testId}]")).ToHaveCountAsync(list.Count);
        foreach (var (rater, figure) in list)
        {
            await Assertions.Expect(page.Locator($"[data-testid={testId}][data-rater='{rater}']")).ToContainTextAsync(figure);
        }
    }

    /// <summary>Answers every place of <paramref name="rater"/>'s sequence as the rating page would, timed answers within a frame of their target.</summary>
    private async Task AnswerEverythingAsync(BrowserStudy study, string rater, Random random)
    {
        await using var scope = ScopeAs.Create(browser.Factory.Services, rater, Roles.Rater);
        var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
        while (await session.GetStepAsync(study.StudyId) is { Finished: false } step)
        {
            int? exposure = step.ExposureMs is { } target ? target + random.Next(-20, 21) : null;
            bool? pickedLeft = step.PairImageUrl is null ? null : random.Next(2) == 0;
            var result = await session.SubmitAsync(new AnswerSubmission(study.StudyId, step.Position,
                step.PairImageUrl is null ? random.Next(1, 7) : RatingRow.NoResponse, [], null,
                DateTimeOffset.UtcNow.AddSeconds(-3), random.Next(800, 4000), exposure, pickedLeft));
            Assert.True(result.Outcome == SubmitOutcome.Saved, $"{rater} at {step.Position}: {result.Outcome} {result.Message}");
            if (step.PairImageUrl is not null && step.PracticeRound is null && (await study.ShownItemAsync(browser.Factory, rater, step.Position)).Role != MelanoGans.Shared.Studies.ItemRole.Catch && pickedLeft == true) _leftPicks++;
        }
    }

    private async Task<int> ExpectedAnswersAsync(BrowserStudy study)
    {
        await using var scope = ScopeAs.Create(browser.Factory.Services, study.Lead, Roles.Lead);
        var studies = await scope.ServiceProvider.GetRequiredService<IStudyAdministration>().ListAsync();
        return studies.Single(s => s.Id == study.StudyId).ExpectedAnswers;
    }
}
