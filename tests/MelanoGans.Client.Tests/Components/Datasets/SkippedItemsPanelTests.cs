using Bunit;
using MelanoGans.Client.Components.Datasets;
using MelanoGans.Client.Services;
using MelanoGans.Client.Tests.Fakes;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Client.Tests.Components.Datasets;

public sealed class SkippedItemsPanelTests : StudioComponentTest
{
    private readonly FakeDatasetCatalog _catalog = new();

    public SkippedItemsPanelTests()
    {
        Services.AddSingleton<IDatasetCatalog>(_catalog);
        SignInAs("lead", Roles.Lead);
    }

    [Fact]
    public void The_summary_stays_short_and_every_reason_opens_on_demand_with_a_download_link()
    {
        _catalog.Skipped.AddRange(Enumerable.Range(0, 7).Select(i => new DatasetSkipView($"gone_{i}.png", "no such image in the folder")));
        var dataset = new DatasetSummary(4, "ISIC", "Isic", 256, "Ready", 10, 17, [], null,
            "Skipped 7 image(s): gone_0.png: no such image in the folder; ...; and 2 more (all listed on the dataset page)",
            DateTimeOffset.UnixEpoch, SkippedCount: 7);

        var cut = Render<SkippedItemsPanel>(p => p.Add(x => x.Dataset, dataset));

        Assert.Contains("and 2 more", cut.Markup);
        Assert.Equal("/api/datasets/4/skipped.csv", cut.Find("[data-testid=skipped-download]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=skipped-row]"));
        cut.Find(".mud-expand-panel-header").Click();
        cut.WaitForAssertion(() => Assert.Equal(7, cut.FindAll("[data-testid=skipped-row]").Count));
        Assert.Contains("gone_6.png", cut.Markup);
    }
}
