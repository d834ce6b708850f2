using Bunit;
using MelanoGans.Shared.Contracts.Events;
using Microsoft.AspNetCore.Components.Web;

namespace MelanoGans.Client.Tests.Components.Live;

public sealed class LiveComponentBaseTests : StudioComponentTest
{
    [Fact]
    public async Task Events_published_on_another_thread_update_the_page()
    {
        var cut = Render<LiveCounter>();

        await Task.Run(() =>
        {
            Events.Publish(new AnswerRecorded(1));
            Events.Publish(new AnswerRecorded(2));
            Events.Publish(new AnswerRecorded(1));
        }, Xunit.TestContext.Current.CancellationToken);

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("#answers").TextContent));
    }

    [Fact]
    public async Task Events_that_do_not_concern_the_page_do_not_re_render_it()
    {
        var cut = Render<LiveCounter>();
        Events.Publish(new AnswerRecorded(1));
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("#answers").TextContent));
        var renders = cut.RenderCount;

        await Task.Run(() =>
        {
            for (var i = 0; i < 20; i++) Events.Publish(new AnswerRecorded(2));
            Events.Publish(new AnswerRecorded(1));
        }, Xunit.TestContext.Current.CancellationToken);

        // Only the last answer concerned study 1: one render for it, none for the twenty of study 2.
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("#answers").TextContent));
        Assert.Equal(renders + 1, cut.RenderCount);
    }

    [Fact]
    public void A_failing_handler_reaches_the_error_boundary_instead_of_vanishing()
    {
        var cut = Render<ErrorBoundary>(p => p
            .AddChildContent<LiveCounter>()
            .Add(b => b.ErrorContent, e => $"<p id=\"failed\">{e.Message}</p>"));

        Events.Publish(new AnswerRecorded(13));

        cut.WaitForAssertion(() => Assert.Equal("The handler failed.", cut.Find("#failed").TextContent));
    }

    [Fact]
    public async Task A_disposed_page_lets_go_of_its_subscriptions()
    {
        Render<LiveCounter>();
        Assert.Equal(1, Events.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, Events.SubscriberCount);
        Events.Publish(new AnswerRecorded(1));
    }
}
