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
    // MELANOGANS_BENCH_RATERS sets another number, to see how the latency grows with the load.
    private static readonly int Raters = int.TryParse(Environment.GetEnvironmentVariable("MELANOGANS_BENCH_RATERS"), out var n) && n > 0 ? n : 30;
    // 10 reals + 10 fakes, 10% repeated: 22 answers each.
    private const int Total = 22;
    private static readonly TimeSpan ThinkTime = TimeSpan.FromSeconds(2);

    // Installed in every page before its scripts: the rater, in the page itself, so the measurement is the studio's and
    // not the test driver's (30 pages polled over the DevTools protocol would load the two cores more than the raters
    // do). After each study image loads it waits the think time (0.5 to 1.5 of it), presses a response key, then Enter
    // 150 ms later, and records the time from Enter to the next study image's load event.
    private const string Rater = """
        window.__latencies = [];
        window.__answered = 0;
        let pressed = null;
        const think = %THINK%;
        const press = key => document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        const answer = () => {
          if (document.querySelector('[data-testid=rating-finished]')) return;
          press(String(1 + Math.floor(Math.random() * 6)));
          setTimeout(() => { pressed = performance.now(); window.__answered++; press('Enter'); }, 150);
        };
        const next = () => setTimeout(answer, think * (0.5 + Math.random()));
        document.addEventListener('load', e => {
          const image = e.target;
          if (pressed !== null && image instanceof HTMLImageElement && image.dataset.testid === 'study-image') {
            window.__latencies.push(performance.now() - pressed);
            pressed = null;
            next();
          }
        }, true);
        window.__start = next;
        """;

    [Fact(Explicit = true)]
    public async Task Thirty_raters_answer_in_chromium_at_once()
    {
        var names = Enumerable.Range(1, Raters).Select(i => $"r{i:00}").ToArray();
        var study = await BrowserStudy.StartAsync(browser.Factory, "thirty", reals: 10, fakes: 10, names);
        var script = Rater.Replace("%THINK%", ThinkTime.TotalMilliseconds.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var pages = new List<IPage>();
        foreach (var rater in study.Raters)
        {
            var page = await browser.NewPageAsync();
            await page.Context.AddInitScriptAsync(script);
            await StudioPage.SignInAsync(page, rater, BrowserStudy.Password);
            await page.GotoAsync($"/rate/{study.StudyId}");
            await StudioPage.WaitInteractiveAsync(page);
            await page.Locator("[data-keys=ready]").WaitForAsync();
            pages.Add(page);
        }

        var wall = Stopwatch.StartNew();
        foreach (var page in pages) await page.EvaluateAsync("window.__start()");
        var finished = new PageWaitForFunctionOptions { PollingInterval = 1000, Timeout = 600_000 };
        foreach (var page in pages) await page.WaitForFunctionAsync($"() => window.__answered === {Total} && !!document.querySelector('[data-testid=rating-finished]')", null, finished);
        wall.Stop();

        var latencies = new List<double[]>();
        foreach (var page in pages) latencies.Add(await page.EvaluateAsync<double[]>("window.__latencies"));
        // Each rater's first answer is the warm-up; the last shows no image.
        var timed = latencies.SelectMany(l => l.Skip(1)).Order().ToArray();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{Raters} raters in Chromium, think time {ThinkTime.TotalSeconds:0} s: {timed.Length} timed answers in {wall.Elapsed.TotalSeconds:0.0} s; " +
            $"Enter to next image loaded p50 {Quantiles.OfSorted(timed, 0.5):0.0} ms, p95 {Quantiles.OfSorted(timed, 0.95):0.0} ms, max {timed[^1]:0.0} ms");
        TestContext.Current.TestOutputHelper?.WriteLine(line);

        var rows = await study.RatingsAsync(browser.Factory);
        Assert.Equal(Raters * Total, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => (r.Rater, r.Item, r.IsRepeat)).Distinct().Count());
        Assert.All(latencies, l => Assert.Equal(Total - 1, l.Length));
        foreach (var page in pages) await page.Context.CloseAsync();
    }
}
