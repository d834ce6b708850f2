using Bunit;
using MelanoGans.Client.Pages.Studies;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Client.Tests.Pages.Studies;

/// <summary>The rating page in a fixed-exposure or staircase study: timed image, noise mask, measured exposure sent with the answer.</summary>
public sealed class TimedRatePageTests : StudioComponentTest
{
    private readonly FakeRatingSession _session = new(total: 2, tags: ["grid"]) { Mode = RatingMode.Fixed, ExposureMs = 500 };
    private readonly BunitJSModuleInterop _exposure;

    public TimedRatePageTests()
    {
        SignInAs("rita", Roles.Rater);
        Services.AddSingleton<IRatingSession>(_session);
        Services.AddSingleton(TimeProvider.System);
        JSInterop.SetupModule("./js/rating.js");
        _exposure = JSInterop.SetupModule("./js/exposure.js");
    }

    [Fact]
    public async Task The_image_is_presented_for_the_exposure_and_the_measured_exposure_goes_with_the_answer()
    {
        var presented = _exposure.Setup<int>("present", i => (int)i.Arguments[1]! == 500);
        var cut = Render<RatePage>(p => p.Add(x => x.StudyId, 7));

        // Until the page has measured the exposure, the answer cannot be sent.
        cut.WaitForAssertion(() => Assert.Equal("The image shows for 500 ms after you press Space.", cut.Find("[data-testid=exposure-note]").TextContent.Trim()));
        Assert.NotNull(cut.Find("[data-testid=noise-mask]"));
        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("2", 0));
        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("Enter", 0));
        Assert.Empty(_session.Submitted);
        cut.WaitForAssertion(() => Assert.Equal("Wait until the image has been shown.", cut.Find("[data-testid=rating-message]").TextContent));

        await cut.InvokeAsync(() => presented.SetResult(517));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=timed-frame]").GetAttribute("data-shown")));
        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("Enter", 0));

        var answer = Assert.Single(_session.Submitted);
        Assert.Equal((0, 2, 517), (answer.Position, answer.Response, answer.ExposureMs));
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=study-image]").GetAttribute("data-position")));
        Assert.Equal(2, _exposure.Invocations["present"].Count);
        Assert.Equal((0, 517), _session.Shown[0]);
    }

    [Fact]
    public async Task After_a_reload_an_image_already_shown_is_masked_not_shown_again_and_answered_with_its_first_exposure()
    {
        _session.ShownExposureMs = 503;
        _exposure.SetupVoid("mask", _ => true).SetVoidResult();

        var cut = Render<RatePage>(p => p.Add(x => x.StudyId, 7));

        cut.WaitForAssertion(() => Assert.Contains("already shown", cut.Find("[data-testid=exposure-note]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=study-image]"));
        Assert.Empty(_exposure.Invocations["present"]);
        Assert.Single(_exposure.Invocations["mask"]);
        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("5", 0));
        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("Enter", 0));
        cut.WaitForAssertion(() => Assert.Equal(503, Assert.Single(_session.Submitted).ExposureMs));
    }

    [Fact]
    public void A_staircase_never_shows_its_exposure_which_would_tell_the_rater_how_they_did()
    {
        _session.Mode = RatingMode.Staircase;
        _session.ExposureMs = 320;
        _exposure.Setup<int>("present", _ => true);

        var cut = Render<RatePage>(p => p.Add(x => x.StudyId, 7));

        cut.WaitForAssertion(() => Assert.Equal("The image shows briefly after you press Space.", cut.Find("[data-testid=exposure-note]").TextContent.Trim()));
        // Whole-number match: component ids are GUIDs, whose hex may contain the digits 320.
        Assert.DoesNotMatch(@"(?<![0-9A-Za-z])320(?![0-9A-Za-z])", cut.Markup);
        Assert.Equal(320, _exposure.Invocations["present"].Single().Arguments[1]);
    }

    [Fact]
    public void An_untimed_study_shows_the_image_without_a_mask_or_exposure()
    {
        _session.Mode = RatingMode.Untimed;
        _session.ExposureMs = null;

        var cut = Render<RatePage>(p => p.Add(x => x.StudyId, 7));

        Assert.Empty(cut.FindAll("[data-testid=noise-mask]"));
        Assert.Empty(_exposure.Invocations["present"]);
    }
}
