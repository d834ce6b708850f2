using Bunit;
using MelanoGans.Client.Pages.Admin;
using MelanoGans.Client.Services;
using MelanoGans.Client.Tests.Fakes;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Client.Tests.Pages.Admin;

public sealed class ModelsPageTests : StudioComponentTest
{
    private readonly FakeModelCatalog _models = new();

    public ModelsPageTests()
    {
        Services.AddSingleton<IModelCatalog>(_models);
        Services.AddSingleton<IJobProgressFeed>(new FakeJobProgressFeed());
        SignInAs("admin", Roles.Admin);
    }

    [Fact]
    public void A_model_registered_elsewhere_appears_without_a_reload()
    {
        _models.Models.Add(FakeModelCatalog.Model(1, "demo"));
        var cut = Render<ModelsPage>();
        Assert.Single(cut.FindAll("[data-testid=model-row-name]"));

        // Another admin's upload or a finished training run registers a model.
        _models.Models.Add(FakeModelCatalog.Model(2, "dcgan-melanoma"));
        Events.Publish(new ModelRegistered(2, "dcgan-melanoma"));

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=model-row-name]"), r => r.TextContent.Contains("dcgan-melanoma")));
        Assert.Equal(2, cut.FindAll("[data-testid=model-row-name]").Count);
    }
}
