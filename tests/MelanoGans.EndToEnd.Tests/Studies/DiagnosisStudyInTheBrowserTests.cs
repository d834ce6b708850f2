using System.Globalization;
using MelanoGans.Client.Components.Statistics;
using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Server.Tests.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Statistics;
using MelanoGans.Shared.Statistics.Mrmc;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Studies;

/// <summary>
/// Issue 27's acceptance in the browser: a lead sets up a diagnosis study from reals of two classes and two
/// class-conditional pools counted as one generator (a pool of every class is refused with the reason), two raters answer
/// it with the keyboard (the melanoma scale and a diagnosis pick), and the dashboard's per-source AUCs and MRMC comparison
/// equal the analysis of the exported table as <c>melanogans mrmc</c> reads it (the server tests run the command itself).
/// </summary>
public sealed class DiagnosisStudyInTheBrowserTests(BrowserFixture browser)
{
    private const string Generator = "gan-dx";

    [Fact]
    public async Task A_lead_sets_up_a_diagnosis_study_two_raters_diagnose_it_and_the_dashboard_equals_the_command_line()
    {
        var services = browser.Factory.Services;
        var (datasetId, _) = await StudySeed.AddSourcesAsync(services, reals: 8, fakes: 0, suffix: " dx");
        var melanomas = await StudySeed.AddClassPoolAsync(services, "dx melanomas", "gan-dx-melanoma", LesionClass.Melanoma, 4);
        var nevi = await StudySeed.AddClassPoolAsync(services, "dx nevi", "gan-dx-nevus", LesionClass.Nevus, 4);
        var everyClass = await StudySeed.AddClassPoolAsync(services, "dx every class", "gan-dx-all", null, 4);
        foreach (var rater in new[] { "dx-ann", "dx-ben" }) await StudySeed.AddUserAsync(services, rater, BrowserStudy.Password, Roles.Rater);
        await StudySeed.AddUserAsync(services, "dx-lead", BrowserStudy.Password, Roles.Lead);

        var page = await browser.NewPageAsync();
        // The screen size the docs' screenshots are taken at.
        await page.SetViewportSizeAsync(1366, 768);
        await StudioPage.SignInAsync(page, "dx-lead", BrowserStudy.Password);
        await page.GotoAsync("/studies");
        await StudioPage.WaitInteractiveAsync(page);
        await page.ClickAsync("[data-testid=new-study]");
        await page.FillAsync("[data-testid=study-name]", "Diagnosis pilot");
        await StudioPage.ChooseAsync(page, "study-task", "Diagnosis: how likely a melanoma?");
        await StudioPage.ChooseAsync(page, "study-dataset", "Phantom reals dx");
        await StudioPage.FillNumberAsync(page, "study-class-melanoma", "2");
        await StudioPage.FillNumberAsync(page, "study-class-nevus", "2");
        await StudioPage.FillNumberAsync(page, $"study-pool-{melanomas}", "2");
        await StudioPage.FillNumberAsync(page, $"study-pool-{nevi}", "2");
        await StudioPage.FillNumberAsync(page, $"study-pool-{everyClass}", "2");
        await StudioPage.FillNumberAsync(page, $"study-pool-source-{melanomas}", Generator);
        await StudioPage.FillNumberAsync(page, $"study-pool-source-{nevi}", Generator);
        await page.Locator("[data-testid=study-ask-diagnosis]").Locator("xpath=ancestor::label[1]").ClickAsync();
        await StudioPage.FillNumberAsync(page, "study-repeat", "0");
        foreach (var rater in new[] { "dx-ann", "dx-ben" })
        {
            // The checkbox input itself: a click on its label does not reach MudBlazor's handler here.
            var box = page.Locator($"[data-testid=study-rater-{rater}]");
            await box.CheckAsync(new() { Force = true });
            await Assertions.Expect(box).ToBeCheckedAsync();
        }
        await StudioPage.ChooseAsync(page, "study-size", "64 x 64");
        await page.ClickAsync("[data-testid=study-save]");
        await Assertions.Expect(page.Locator("[data-testid=study-errors]"))
            .ToContainTextAsync("dx every class comes from a generator trained on every class (gan-dx-all): its images have no known class, so it cannot enter a diagnosis study.");

        await StudioPage.FillNumberAsync(page, $"study-pool-{everyClass}", "0");
        await page.Locator("[data-testid=study-setup]").EvaluateAsync("e => e.scrollIntoView()");
        await StudioPage.ScreenshotAsync(page, "study-setup-diagnosis");
        await page.ClickAsync("[data-testid=study-save]");
        await Assertions.Expect(page.Locator("[data-testid=studies-notice]")).ToContainTextAsync("Saved Diagnosis pilot as a draft");
        var row = page.Locator("tr", new() { Has = page.Locator("[data-testid=study-row-name]", new() { HasText = "Diagnosis pilot" }) });
        await row.Locator("[data-testid=study-start]").ClickAsync();
        await row.Locator("[data-testid=study-start-confirm]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=study-state]")).ToHaveTextAsync("Open");
        var dashboard = (await row.Locator("[data-testid=study-dashboard-link]").GetAttributeAsync("href"))!;
        var studyId = int.Parse(dashboard.Split('/')[^1], CultureInfo.InvariantCulture);

        // Two raters, two browsers, at the same time: the scale by 1-6, the diagnosis by m, n or s, Enter.
        var study = new BrowserStudy(studyId, "dx-lead", ["dx-ann", "dx-ben"]);
        // Before any answer the dashboard says what will fill it.
        await page.GotoAsync($"/statistics/{studyId}");
        await StudioPage.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=diagnosis-empty]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=rater-exclusions]")).ToHaveCountAsync(0);
        await StudioPage.ScreenshotAsync(page, "dashboard-diagnosis-empty");
        await Task.WhenAll(RateAsync(study, "dx-ann", 0), RateAsync(study, "dx-ben", 1));

        var rows = await study.RatingsAsync(browser.Factory);
        Assert.Equal(16, rows.Count);
        Assert.All(rows, r => Assert.Equal((RatingTask.Diagnosis, true, true), (r.Task, r.Class is not null, r.Diagnosis is not null)));
        Assert.Equal(["Phantom reals dx", Generator], rows.Select(r => r.Source).Distinct().Order(StringComparer.Ordinal));

        var exported = RatingsCsv.Read(new StringReader(RatingsCsv.ToCsv(rows)));
        Assert.True(exported.IsValid, string.Join(" ", exported.Errors));
        var cli = ObuchowskiRockette.Analyse(MrmcDiagnosisTable.From(exported.Rows, [], [])!);

        await page.GotoAsync($"/statistics/{studyId}");
        await StudioPage.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=task-chip]")).ToHaveTextAsync("Diagnosis study");
        await Assertions.Expect(page.Locator("[data-testid=diagnosis-source]")).ToHaveCountAsync(2);
        foreach (var test in cli.Tests)
        {
            await Assertions.Expect(page.Locator($"[data-testid=diagnosis-source][data-source='{test.Name}'] [data-testid=diagnosis-auc]"))
                .ToHaveTextAsync(test.Auc.ToString("0.000", CultureInfo.InvariantCulture));
        }
        var comparison = Assert.Single(cli.Comparisons);
        var sign = comparison.Tests[0] == Generator ? 1 : -1;
        var (low, high) = sign > 0 ? (comparison.CiLower, comparison.CiUpper) : (-comparison.CiUpper, -comparison.CiLower);
        await Assertions.Expect(page.Locator("[data-testid=diagnosis-verdict]")).ToContainTextAsync(
            $"difference {StatisticsFormat.Number(sign * comparison.Difference, "0.00")}, 95% CI {StatisticsFormat.Number(low, "0.00")} to {StatisticsFormat.Number(high, "0.00")}");
        // The realism panels have nothing to read in a diagnosis study.
        await Assertions.Expect(page.Locator("[data-testid=summary-cards]")).ToHaveCountAsync(0);
        await StudioPage.ScreenshotAsync(page, "dashboard-diagnosis", fullPage: true);

        // The lead leaves a rater out of the analysis and takes them back, from the same page.
        var ben = page.Locator("[data-testid=rater-exclusion-row][data-rater=dx-ben]");
        await ben.Locator("[data-testid=exclusion-toggle]").ClickAsync();
        await Assertions.Expect(ben.Locator("[data-testid=excluded-chip]")).ToContainTextAsync("8 rows left out");
        await Assertions.Expect(page.Locator("[data-testid=diagnosis-source]").First).Not.ToContainTextAsync("dx-ben");
        await ben.Locator("[data-testid=exclusion-toggle]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=diagnosis-source]").First).ToContainTextAsync("dx-ben");
    }

    // Answers every item with the keyboard: a melanoma mostly 4-6, another lesion mostly 1-3, and the matching pick.
    private async Task RateAsync(BrowserStudy study, string rater, int offset)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        await StudioPage.SignInAsync(page, rater, BrowserStudy.Password);
        await page.GotoAsync($"/rate/{study.StudyId}");
        await StudioPage.WaitInteractiveAsync(page);
        await page.Locator("[data-keys=ready]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=question]")).ToHaveTextAsync("How likely is this lesion a melanoma? (1-6)");
        await Assertions.Expect(page.Locator("[data-testid=response-6]")).ToContainTextAsync("Certainly melanoma");
        for (var position = 0; position < 8; position++)
        {
            await Assertions.Expect(page.Locator("[data-testid=study-image]")).ToHaveAttributeAsync("data-position", position.ToString(CultureInfo.InvariantCulture));
            var item = await study.ShownItemAsync(browser.Factory, rater, position);
            var melanoma = item.Class == LesionClassNames.Melanoma;
            var response = melanoma ? 3 + (position + offset) % 4 : 1 + (position + offset) % 4;
            await page.Keyboard.PressAsync(response.ToString(CultureInfo.InvariantCulture));
            await page.Keyboard.PressAsync(response >= 4 ? "m" : "n");
            await Assertions.Expect(page.Locator($"[data-testid=diagnosis-{(response >= 4 ? "melanoma" : "nevus")}]")).ToHaveAttributeAsync("aria-pressed", "true");
            if (rater == "dx-ann" && position == 0) await StudioPage.ScreenshotAsync(page, "rating-diagnosis");
            await page.Keyboard.PressAsync("Enter");
        }
        await Assertions.Expect(page.Locator("[data-testid=rating-finished]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
