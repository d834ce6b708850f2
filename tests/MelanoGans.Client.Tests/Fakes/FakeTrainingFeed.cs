using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Tests.Fakes;

/// <summary>A feed the test raises by hand, as the server's notifier does on a background thread.</summary>
public sealed class FakeTrainingFeed : ITrainingFeed
{
    public event Action<TrainingUpdate>? Changed;

    public void Raise(TrainingUpdate update) => Changed?.Invoke(update);
}
