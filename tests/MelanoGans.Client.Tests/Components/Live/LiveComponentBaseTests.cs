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
