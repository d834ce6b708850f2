using Bunit;
using MelanoGans.Client.Components.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;

namespace MelanoGans.Client.Tests.Components.Studies;

/// <summary>Starting freezes a study for good, so the Studies page asks first.</summary>
public sealed class StudyActionsTests : StudioComponentTest
{
    private static readonly StudySummary Draft = new(4, "Pilot", StudyState.Draft, 6, 6, 2, 0, 0, DateTimeOffset.UtcNow, null, 3);

    public StudyActionsTests() => SignInAs("lena", Roles.Lead);

    [Fact]
    public void Start_asks_for_confirmation_and_only_the_confirmation_starts()
    {
        var actions = new List<StudyAction>();
        var cut = Render<StudyActions>(p => p.Add(x => x.Study, Draft).Add(x => x.OnAction, a => actions.Add(a)));

        cut.Find("[data-testid=study-start]").Click();

        cut.WaitForAssertion(() => Assert.Contains("frozen", cut.Find("[data-testid=study-start-question]").TextContent));
        Assert.Empty(actions);
        cut.Find("[data-testid=study-start-confirm]").Click();
        cut.WaitForAssertion(() => Assert.Equal(new StudyAction(4, StudyActionKind.Start, 3), Assert.Single(actions)));
    }

    [Fact]
    public void Cancel_leaves_the_draft_as_it_was()
    {
        var actions = new List<StudyAction>();
        var cut = Render<StudyActions>(p => p.Add(x => x.Study, Draft).Add(x => x.OnAction, a => actions.Add(a)));

        cut.Find("[data-testid=study-start]").Click();
        cut.WaitForElement("[data-testid=study-start-cancel]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=study-start]")));
        Assert.Empty(cut.FindAll("[data-testid=study-start-confirm]"));
        Assert.Empty(actions);
    }
}
