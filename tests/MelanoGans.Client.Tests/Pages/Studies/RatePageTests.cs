using Bunit;
using MelanoGans.Client.Pages.Studies;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Client.Tests.Pages.Studies;

/// <summary>The rating page's keyboard workflow against a recorded session.</summary>
public sealed class RatePageTests : StudioComponentTest
{
    private readonly FakeRatingSession _session = new(total: 3, tags: ["grid", "blotches", "other"]);

    public RatePageTests()
    {
        SignInAs("rita", Roles.Rater);
        Services.AddSingleton<IRatingSession>(_session);
        Services.AddSingleton(TimeProvider.System);
        JSInterop.SetupModule("./js/rating.js");
    }

    [Fact]
    public async Task Keys_choose_the_answer_and_tags_and_Enter_submits_then_shows_the_next_image()
    {
        var cut = Render<RatePage>(p => p.Add(x => x.StudyId, 7));
        Assert.Equal("/study-images/token00", cut.Find("[data-testid=study-image]").GetAttribute("src"));

        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("5", 0));
        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("b", 0));
        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("Enter", 4321));

        var answer = Assert.Single(_session.Submitted);
        Assert.Equal((7, 0, 5), (answer.StudyId, answer.Position, answer.Response));
        // The active time came with the key: no call back into the browser for it.
        Assert.Equal(4321, answer.ActiveMs);
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "startItem");
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "activeMs");
        Assert.Equal(["blotches"], answer.Tags);
        cut.WaitForAssertion(() => Assert.Equal("/study-images/token01", cut.Find("[data-testid=study-image]").GetAttribute("src")));
        Assert.Equal("1 of 3 answered", cut.Find("[data-testid=progress-text]").TextContent);
        Assert.Equal("false", cut.Find("[data-testid=tag-b]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task A_saved_answer_brings_the_next_step_so_the_page_does_not_ask_for_it()
    {
        _session.NextWithSubmit = true;
        var cut = Render<RatePage>(p => p.Add(x => x.StudyId, 7));
        var reads = _session.StepReads;

        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("3", 0));
        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("Enter", 0));

        cut.WaitForAssertion(() => Assert.Equal("/study-images/token01", cut.Find("[data-testid=study-image]").GetAttribute("src")));
        Assert.Equal(reads, _session.StepReads);
    }

    [Fact]
    public async Task Enter_without_an_answer_submits_nothing_and_says_what_to_do()
    {
        var cut = Render<RatePage>(p => p.Add(x => x.StudyId, 7));

        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("Enter", 0));

        Assert.Empty(_session.Submitted);
        Assert.Contains("keys 1-6", cut.Find("[data-testid=rating-message]").TextContent);
    }

    [Fact]
    public async Task After_the_last_answer_the_rater_is_thanked_and_keys_do_nothing()
    {
        var cut = Render<RatePage>(p => p.Add(x => x.StudyId, 7));
        for (var i = 0; i < 3; i++)
        {
            await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("2", 0));
            await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("Enter", 0));
        }
        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("Enter", 0));

        Assert.Equal(3, _session.Submitted.Count);
        Assert.NotNull(cut.Find("[data-testid=rating-finished]"));
        Assert.Empty(cut.FindAll("[data-testid=study-image]"));
    }

    [Fact]
    public void Every_artifact_tag_shows_the_key_that_toggles_it()
    {
        var cut = Render<RatePage>(p => p.Add(x => x.StudyId, 7));

        // Issue 14: every chip said the key after the last one ("d" here), though a, b, c toggle them.
        Assert.Equal(["a", "b", "c"], cut.FindAll("[data-testid=artifact-tags] .rating-key").Select(k => k.TextContent));
        Assert.Equal("a", cut.Find("[data-testid=tag-a] .rating-key").TextContent);
        Assert.Equal("c", cut.Find("[data-testid=tag-c] .rating-key").TextContent);
    }

    [Fact]
    public async Task A_chosen_but_unsubmitted_answer_is_kept_and_comes_back_on_a_new_page()
    {
        var cut = Render<RatePage>(p => p.Add(x => x.StudyId, 7));
        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("4", 0));
        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("c", 0));
        Assert.Equal((0, 4), (_session.Draft!.Position, _session.Draft.Response));
        Assert.Equal(["other"], _session.Draft.Tags);
        Assert.Empty(_session.Submitted);

        // The browser closed; the rater comes back on a new page (a new circuit).
        var again = Render<RatePage>(p => p.Add(x => x.StudyId, 7));

        again.WaitForAssertion(() => Assert.Equal("true", again.Find("[data-testid=response-4]").GetAttribute("aria-pressed")));
        Assert.Equal("true", again.Find("[data-testid=tag-c]").GetAttribute("aria-pressed"));
        await again.InvokeAsync(() => again.Instance.OnKeyAsync("Enter", 0));
        var answer = Assert.Single(_session.Submitted);
        Assert.Equal((0, 4), (answer.Position, answer.Response));
        Assert.Equal(["other"], answer.Tags);
    }

    [Fact]
    public void A_study_the_rater_is_not_assigned_to_shows_no_image()
    {
        _session.Assigned = false;

        var cut = Render<RatePage>(p => p.Add(x => x.StudyId, 7));

        Assert.Contains("Not one of your studies", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=study-image]"));
    }
}
