using System.Diagnostics;
using System.Globalization;
using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Shared.Statistics;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Studies;

/// <summary>
/// Issue 26's browser benchmark: 30 raters answer one study at once, each in a Chromium context of their own, with the
/// keyboard. Measured in each page's own clock, from the Enter key to the load event of the next study image (what
/// the rater waits for); each rater's first answer is the warm-up. Explicit: a benchmark, not a test of the suite
/// (<c>dotnet test tests/MelanoGans.EndToEnd.Tests --filter FullyQualifiedName~ThirtyRatersInTheBrowser</c>); the
/// figures go to docs/benchmarks.md.
/// </summary>
public sealed class ThirtyRatersInTheBrowserBenchmark(BrowserFixture browser)
{
    private const int Raters = 30;
    // 10 reals + 10 fakes, 10% repeated: 22 answers each.
    private const int Total = 22;
    private static readonly TimeSpan ThinkTime = TimeSpan.FromSeconds(2);

    // Installed in every page before its scripts: the time from Enter to the next study image's load.
    private const string Probe = """
        window.__latencies = [];
        let pressed = null;
        document.addEventListener('keydown', e => { if (e.key === 'Enter') pressed = performance.now(); }, true);
        document.addEventListener('load', e => {
          const image = e.target;
          if (pressed !== null && image instanceof HTMLImageElement && image.dataset.testid === 'study-image') {
            window.__latencies.push(performance.now() - pressed);
            pressed = null;
          }
        }, true);
        """;

    [Fact(Explicit = true)]
    public async Task Thirty_raters_answer_in_chromium_at_once()
    {
        var names = Enumerable.Range(1, Raters).Select(i => $"r{i:00}").ToArray();
        var study = await BrowserStudy.StartAsync(browser.Factory, "thirty", reals: 10, fakes: 10, names);
        var pages = new List<IPage>();
        foreach (var rater in study.Raters)
        {
            var page = await browser.NewPageAsync();
            await page.Context.AddInitScriptAsync(Probe);
            await StudioPage.SignInAsync(page, rater, BrowserStudy.Password);
            await page.GotoAsync($"/rate/{study.StudyId}");
            await StudioPage.WaitInteractiveAsync(page);
            await page.Locator("[data-keys=ready]").WaitForAsync();
            pages.Add(page);
        }

        var wall = Stopwatch.StartNew();
        var latencies = await Task.WhenAll(pages.Select((page, r) => AnswerAllAsync(page, r)));
        wall.Stop();

        var timed = latencies.SelectMany(l => l.Skip(1)).Order().ToArray();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{Raters} raters in Chromium, think time {ThinkTime.TotalSeconds:0} s: {timed.Length} timed answers in {wall.Elapsed.TotalSeconds:0.0} s; " +
            $"Enter to next image loaded p50 {Quantiles.OfSorted(timed, 0.5):0.0} ms, p95 {Quantiles.OfSorted(timed, 0.95):0.0} ms, max {timed[^1]:0.0} ms");
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);

        var rows = await study.RatingsAsync(browser.Factory);
        Assert.Equal(Raters * Total, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => (r.Rater, r.Item, r.IsRepeat)).Distinct().Count());
        // Every answer but each rater's last showed a next image.
        Assert.All(latencies, l => Assert.Equal(Total - 1, l.Length));
        foreach (var page in pages) await page.Context.CloseAsync();
    }

    private static async Task<double[]> AnswerAllAsync(IPage page, int rater)
    {
        var random = new Random(rater);
        // Raters arrive spread over the first think time.
        await Task.Delay(TimeSpan.FromMilliseconds(random.Next((int)ThinkTime.TotalMilliseconds)));
        for (var position = 0; position < Total; position++)
        {
            var response = 1 + random.Next(6);
            await page.Keyboard.PressAsync(response.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(page.Locator($"[data-testid=response-{response}]")).ToHaveAttributeAsync("aria-pressed", "true");
            await page.Keyboard.PressAsync("Enter");
            if (position < Total - 1)
            {
                await Assertions.Expect(page.Locator("[data-testid=progress-text]")).ToHaveTextAsync($"{position + 1} of {Total} answered");
                await Task.Delay(ThinkTime * (0.5 + random.NextDouble()));
            }
            else
            {
                await Assertions.Expect(page.Locator("[data-testid=rating-finished]")).ToBeVisibleAsync();
            }
        }

        // The last image's load may still be on its way when the page says it is finished: none is shown after the last.
        return await page.EvaluateAsync<double[]>("window.__latencies");
    }
}
