using MelanoGans.Client.Services;
using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.EndToEnd.Tests.Studies;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Tests.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Statistics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Statistics;

/// <summary>
/// Issue 23: two raters finish a study with two generators and the lead's dashboard says, per generator, whether
/// raters as a population tell its fakes from reals (MRMC, random raters and images), with the same numbers as the
/// statistics JSON.
/// </summary>
public sealed class MrmcInTheBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_lead_reads_whether_the_result_generalises()
    {
        var (_, second) = await StudySeed.AddSourcesAsync(browser.Factory.Services, reals: 1, fakes: 8, suffix: " mrmc-b");
        var study = await BrowserStudy.StartAsync(browser.Factory, "mrmc", reals: 8, fakes: 8, s =>
        {
            s.RepeatShare = 0;
            s.Pools.Add(new StudyPoolCount { PoolId = second, Count = 8 });
        }, "ann", "bob");
        var random = new Random(3);
        foreach (var rater in study.Raters) await AnswerAsync(study, rater, random);

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        await StudioPage.SignInAsync(page, study.Lead, BrowserStudy.Password);
        await page.GotoAsync($"/statistics/{study.StudyId}");
        await StudioPage.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=dashboard]").WaitForAsync();

        var json = await page.APIRequest.GetAsync($"/api/studies/{study.StudyId}/statistics.json");
        var report = StudyReportJson.Deserialize(await json.TextAsync())!;
        var mrmc = report.Mrmc.Report;
        Assert.NotNull(mrmc);
        Assert.Equal(2, mrmc.Tests.Count);
        await Assertions.Expect(page.Locator("[data-testid=mrmc-verdict]")).ToHaveCountAsync(2);
        foreach (var test in mrmc.Tests)
        {
            await Assertions.Expect(page.Locator($"[data-testid=mrmc-verdict][data-test='{test.Name}']"))
                .ToContainTextAsync($"{test.Name}'s fakes from reals: AUC {test.Auc.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}");
        }

        await Assertions.Expect(page.Locator("[data-testid=mrmc-comparison]")).ToHaveCountAsync(1);
        await page.Locator("[data-testid=mrmc-panel]").ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => window.scrollBy(0, document.querySelector('[data-testid=mrmc-panel]').getBoundingClientRect().top - 160)");
        await StudioPage.ScreenshotAsync(page, "dashboard-mrmc");
        await page.Context.CloseAsync();
    }

    // A rater who sees fakes as fake most of the time: 1-3 for fakes and 4-6 for reals, four times in five.
    private async Task AnswerAsync(BrowserStudy study, string rater, Random random)
    {
        await using var scope = ScopeAs.Create(browser.Factory.Services, rater, Roles.Rater);
        var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
        while (await session.GetStepAsync(study.StudyId) is { Finished: false } step)
        {
            var fake = (await study.ShownItemAsync(browser.Factory, rater, step.Position)).Truth == RatingTruth.Fake;
            var right = random.NextDouble() < 0.8;
            var response = fake == right ? random.Next(1, 4) : random.Next(4, 7);
            var result = await session.SubmitAsync(new AnswerSubmission(study.StudyId, step.Position, response, [], null, DateTimeOffset.UtcNow.AddSeconds(-2), 1500));
            Assert.Equal(SubmitOutcome.Saved, result.Outcome);
        }
    }
}
