using MelanoGans.Client.Services;
using MelanoGans.Server.Images;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Datasets;

/// <summary>The built-in phantom dataset is rendered on the first start, completely and only once.</summary>
public sealed class PhantomDatasetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task First_start_renders_the_phantom_with_the_planned_classes_into_the_image_store()
    {
        await using var factory = new StudioFactory();
        var dataset = await WaitReadyAsync(factory);

        var expected = PhantomDatasetPlan.CountsFor(StudioFactory.PhantomCount);
        Assert.Equal(StudioFactory.PhantomCount, dataset.ImageCount);
        Assert.Equal(
            expected.ToDictionary(e => e.Key.ToIsicName(), e => e.Value),
            dataset.CountsByLabel.ToDictionary(c => c.Label, c => c.Count));

        await using var scope = ScopeAs.Create(factory.Services, "lead", Roles.Lead);
        var page = await scope.ServiceProvider.GetRequiredService<IDatasetCatalog>().ImagesAsync(dataset.Id, null, 0, 100, Ct);
        var store = factory.Services.GetRequiredService<ImageStore>();
        var first = ImageCodec.DecodeFile(store.PathOf(page.Images[0].Sha256));
        Assert.Equal((32, 32), (first.Width, first.Height));
        // The stored bytes are the renderer's output for that image's seed: the dataset is reproducible.
        var plan = PhantomDatasetPlan.Create(PhantomDatasetPlan.DefaultSeed, StudioFactory.PhantomCount, 32);
        var spec = plan.Images.Single(i => i.FileName == page.Images[0].Origin);
        Assert.Equal(ContentAddress.Sha256Hex(ImageCodec.EncodePng(plan.Render(spec))), page.Images[0].Sha256);
    }

    [Fact]
    public async Task A_restart_on_the_same_data_directory_adds_no_second_phantom()
    {
        string dataDirectory;
        await using (var first = new StudioFactory())
        {
            await WaitReadyAsync(first);
            dataDirectory = first.DataDirectory;
            // Keep the directory: the second host reuses it.
            await using var second = new StudioFactory(new Dictionary<string, string> { ["Studio:DataDirectory"] = dataDirectory });
            var again = await WaitReadyAsync(second);
            await using var scope = ScopeAs.Create(second.Services, "lead", Roles.Lead);
            var all = await scope.ServiceProvider.GetRequiredService<IDatasetCatalog>().ListAsync(Ct);
            Assert.Single(all);
            Assert.Equal(StudioFactory.PhantomCount, again.ImageCount);
        }
    }

    internal static Task<DatasetSummary> WaitReadyAsync(WebApplicationFactory<Program> factory) =>
        Eventually.ReturnsAsync(async () =>
        {
            await using var scope = ScopeAs.Create(factory.Services, "lead", Roles.Lead);
            var list = await scope.ServiceProvider.GetRequiredService<IDatasetCatalog>().ListAsync();
            return list.FirstOrDefault(d => d.Kind == "Phantom");
        }, d => d?.State == "Ready", what: "the phantom dataset").ContinueWith(t => t.Result!);
}
