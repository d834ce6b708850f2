using MelanoGans.Client.Services;
using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.EndToEnd.Tests.Studies;
using MelanoGans.Server.Data;
using MelanoGans.Server.Studies;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Tests.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Tests.Statistics.Mrmc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Datasets;

/// <summary>
/// Real dermoscopy images (ISIC UDA-1, CC0: 298 files, 215 nevi and 83 melanomas, with the ISIC 2017 ground truth; kept
/// beside the checkout, never in it): an admin imports them in the browser through the ISIC layout, and a diagnosis study
/// draws its reals from them per class, each item carrying the class of the ground truth.
/// </summary>
public sealed class RealIsicSampleTests(BrowserFixture browser)
{
    private const string GroundTruth = "ISIC-2017_Training_Part3_GroundTruth.csv";

    [Fact]
    public async Task The_real_sample_imports_through_the_isic_layout_and_a_diagnosis_study_draws_its_classes()
    {
        var csv = SharedData.Require("isic-uda1/" + GroundTruth);
        var folder = Path.Combine(browser.ImportRoot, "isic-uda1");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(csv)!).Where(f => f.EndsWith(".jpg", StringComparison.Ordinal) || f == csv))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        // Read by hand, not by the importer's parser: the expected classes come from outside the code under test.
        var truth = File.ReadLines(csv).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => f[1].StartsWith('1') ? LesionClassNames.Melanoma : f[2].StartsWith('1') ? LesionClassNames.SeborrheicKeratosis : LesionClassNames.Nevus);

        var page = await browser.NewPageAsync();
        await StudioPage.SignInAsync(page, StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        await page.GotoAsync("/datasets");
        await StudioPage.WaitInteractiveAsync(page);
        await StudioPage.ChooseAsync(page, "import-folder", "isic-uda1 (298 images)");
        await StudioPage.ChooseAsync(page, "import-csv", GroundTruth);
        await StudioPage.ChooseAsync(page, "import-layout", "ISIC 2017 ground truth");
        await StudioPage.ChooseAsync(page, "import-resolution", "64 x 64");
        await page.FillAsync("[data-testid=import-name]", "ISIC UDA-1");
        await page.ClickAsync("[data-testid=import-start]");
        var row = page.Locator("tr", new() { Has = page.GetByText("ISIC UDA-1", new() { Exact = true }) });
        // The sample holds one byte-identical pair (ISIC_0000279 and ISIC_0000280, both melanomas): the second is skipped
        // with the reason, so the dataset keeps 297 images, 82 melanomas.
        await Assertions.Expect(row.Locator("[data-testid=dataset-state]")).ToContainTextAsync("Ready (297 / 298)", new() { Timeout = 120_000 });
        await row.Locator("[data-testid=dataset-link]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=filter-melanoma]")).ToContainTextAsync("(82)");
        await Assertions.Expect(page.Locator("[data-testid=filter-nevus]")).ToContainTextAsync("(215)");
        await page.Locator("[data-testid=skipped-toggle]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=skipped-row]")).ToContainTextAsync("the same image as ISIC_0000279");

        // A diagnosis study of real melanomas and nevi beside two class-conditional pools of one generator.
        var services = browser.Factory.Services;
        var melanomas = await StudySeed.AddClassPoolAsync(services, "isic melanomas", "isic-gan-melanoma", LesionClass.Melanoma, 6);
        var nevi = await StudySeed.AddClassPoolAsync(services, "isic nevi", "isic-gan-nevus", LesionClass.Nevus, 6);
        var rater = await StudySeed.AddUserAsync(services, "isic-rater", BrowserStudy.Password, Roles.Rater);
        await using var lead = ScopeAs.Create(services, StudioFactory.AdminUserName, Roles.Admin);
        var admin = lead.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var dataset = (await admin.GetSetupOptionsAsync(TestContext.Current.CancellationToken)).Datasets.Single(d => d.Name == "ISIC UDA-1");
        Assert.Equal((82, 215), (dataset.CountsByLabel[LesionClassNames.Melanoma], dataset.CountsByLabel[LesionClassNames.Nevus]));
        var (created, id) = await admin.CreateAsync(new StudySetup
        {
            Name = "ISIC diagnosis", Task = RatingTask.Diagnosis, RealDatasetId = dataset.Id,
            RealClassCounts = [new(LesionClassNames.Melanoma, 6), new(LesionClassNames.Nevus, 6)], RealCount = 12,
            Pools = [new StudyPoolCount { PoolId = melanomas, Count = 6, Source = "isic-gan" }, new StudyPoolCount { PoolId = nevi, Count = 6, Source = "isic-gan" }],
            PresentationSize = 64, RaterIds = [rater], RepeatShare = 0,
        });
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        var started = await admin.StartAsync(id);
        Assert.True(started.Succeeded, string.Join(" ", started.Errors));

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var reals = await (from i in db.Set<StudyItem>()
                           join d in db.DatasetImages on i.DatasetImageId equals d.Id
                           where i.StudyId == id
                           select new { i.Class, d.Origin }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(12, reals.Count);
        // Each real's class is its ground truth row's.
        Assert.All(reals, r => Assert.Equal(truth[Path.GetFileNameWithoutExtension(r.Origin)], r.Class));
        Assert.Equal(6, reals.Count(r => r.Class == LesionClassNames.Melanoma));
    }
}
