using MelanoGans.Client.Components.Live;
using MelanoGans.Shared.Contracts.Events;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace MelanoGans.Client.Tests.Components.Live;

/// <summary>A live component for the tests: counts the answers of study 1, and fails on study 13; other studies do not concern it.</summary>
public sealed class LiveCounter : LiveComponentBase
{
    private int _answers;

    protected override void OnInitialized() => Subscribe<AnswerRecorded>(e =>
    {
        if (e.StudyId == 13) throw new InvalidOperationException("The handler failed.");
        _answers++;
    }, e => e.StudyId is 1 or 13);

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "id", "answers");
        builder.AddContent(2, _answers);
        builder.CloseElement();
    }
}
